namespace Renovation.Community.Tests.Projects;

/// <summary>Words the WeChat simulator's msgSecCheck answers <c>review</c> or <c>risky</c> for (see SimulatorOptions).</summary>
public static class ContentMarkers
{
    public const string Review = "加微信";
    public const string Risky = "赌博";
}
