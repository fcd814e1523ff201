namespace Renovation.Community.WeChat.AccessTokens;

/// <summary>Hands out the mini-program's access token, refreshing it behind the scenes.</summary>
public interface IAccessTokenProvider
{
    /// <summary>A token valid for at least the refresh margin; refreshes (once, for all waiting callers) when not.</summary>
    ValueTask<string> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// WeChat rejected <paramref name="rejectedToken"/> (40001/42001/40014): obtain a newer one. When another
    /// caller already replaced it, that token is returned without a second refresh.
    /// </summary>
    ValueTask<string> RenewAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken = default);
}
