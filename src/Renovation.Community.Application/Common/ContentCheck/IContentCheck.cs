namespace Renovation.Community.Application.Common.ContentCheck;

/// <summary>What a text check says about user-written text; mirrors the <c>suggest</c> of WeChat msgSecCheck v2.</summary>
public enum ContentVerdict
{
    /// <summary>Publish it.</summary>
    Pass = 0,
    /// <summary>Hold it until a person has looked at it.</summary>
    Review = 1,
    /// <summary>Refuse it.</summary>
    Risky = 2,
    /// <summary>No answer could be had (WeChat failed, or the author has no openid): hold it, it is not the author's fault.</summary>
    Unavailable = 3,
}

/// <summary>
/// Checks text that residents publish to others (comments, objections): WeChat msgSecCheck in production
/// (<c>WeChatContentCheck</c>); the author is passed because msgSecCheck needs the author's openid.
/// </summary>
public interface IContentCheck
{
    Task<ContentVerdict> CheckAsync(string text, Guid authorUserId, CancellationToken ct);
}
