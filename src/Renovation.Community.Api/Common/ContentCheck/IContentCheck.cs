namespace Renovation.Community.Api.Common.ContentCheck;

/// <summary>What a text check says about user-written text; mirrors the <c>suggest</c> of WeChat msgSecCheck v2.</summary>
public enum ContentVerdict
{
    /// <summary>Publish it.</summary>
    Pass = 0,
    /// <summary>Hold it until a person has looked at it.</summary>
    Review = 1,
    /// <summary>Refuse it.</summary>
    Risky = 2,
}

/// <summary>
/// Checks text that residents publish to others (comments, objections). The WeChat msgSecCheck adapter replaces the
/// default; the author is passed because msgSecCheck needs the author's openid.
/// </summary>
public interface IContentCheck
{
    Task<ContentVerdict> CheckAsync(string text, Guid authorUserId, CancellationToken ct);
}

/// <summary>The default until the WeChat adapter is wired: every text passes.</summary>
public sealed class PassEverythingContentCheck : IContentCheck
{
    public Task<ContentVerdict> CheckAsync(string text, Guid authorUserId, CancellationToken ct) =>
        Task.FromResult(ContentVerdict.Pass);
}
