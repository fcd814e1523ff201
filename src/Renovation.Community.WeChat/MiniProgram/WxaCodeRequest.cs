namespace Renovation.Community.WeChat.MiniProgram;

/// <summary>
/// What getwxacodeunlimit draws. <see cref="Scene"/> is at most 32 visible characters (letters, digits and
/// <c>!#$&amp;'()*+,/:;=?@-._~</c>); the scanned mini-program reads it from the page's <c>scene</c> option.
/// <see cref="Page"/> is a published page without a leading slash, or null for the home page.
/// </summary>
public sealed record WxaCodeRequest(string Scene, string? Page = null, int Width = 430)
{
    public const int MaxSceneLength = 32;

    /// <summary>
    /// Whether WeChat checks that <see cref="Page"/> exists in the published version. Off for pages not yet published
    /// (a trial or development version, <see cref="EnvVersion"/>).
    /// </summary>
    public bool CheckPath { get; init; } = true;

    /// <summary><c>release</c>, <c>trial</c> or <c>develop</c>: which version of the mini-program the code opens.</summary>
    public string EnvVersion { get; init; } = "release";
}
