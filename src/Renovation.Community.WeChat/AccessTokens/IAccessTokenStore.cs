namespace Renovation.Community.WeChat.AccessTokens;

/// <summary>An access token and the moment WeChat stops accepting it.</summary>
public sealed record StoredAccessToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Keeps the value out of logs and exception messages.</summary>
    public override string ToString() => $"StoredAccessToken(expires {ExpiresAt:O})";
}

/// <summary>
/// Where the current access token lives. In a cluster every node must share one store (Redis or the
/// database) so that nodes reuse one token instead of refreshing over each other.
/// </summary>
public interface IAccessTokenStore
{
    ValueTask<StoredAccessToken?> GetAsync(string appId, CancellationToken cancellationToken = default);

    ValueTask SetAsync(string appId, StoredAccessToken token, CancellationToken cancellationToken = default);
}
