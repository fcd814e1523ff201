using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;

namespace Renovation.Community.WeChat.AccessTokens;

/// <summary>
/// One cached token per app id with single-flight refresh: a semaphore lets exactly one caller fetch
/// while the others wait and then read what it stored.
/// </summary>
internal sealed class AccessTokenProvider(
    StableTokenClient stableTokens,
    IAccessTokenStore store,
    IOptions<WeChatOptions> options,
    TimeProvider time,
    ILogger<AccessTokenProvider> logger) : IAccessTokenProvider, IDisposable
{
    private readonly SemaphoreSlim _refreshGate = new(1, 1);

    private string AppId => options.Value.MiniProgram.AppId;

    private TimeSpan RefreshMargin => TimeSpan.FromSeconds(options.Value.Http.AccessTokenRefreshMarginSeconds);

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = await store.GetAsync(AppId, cancellationToken);
        if (IsFresh(current))
        {
            return current!.Value;
        }
        return await RefreshAsync(stillGood: IsFresh, cancellationToken);
    }

    public ValueTask<string> RenewAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken = default) =>
        RefreshAsync(stillGood: token => token is not null && token.Value != rejectedToken && IsFresh(token), cancellationToken);

    public void Dispose() => _refreshGate.Dispose();

    private async ValueTask<string> RefreshAsync(Func<StoredAccessToken?, bool> stillGood, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before us may already have stored a good token.
            var current = await store.GetAsync(AppId, cancellationToken);
            if (stillGood(current))
            {
                return current!.Value;
            }
            var fetched = await stableTokens.FetchAsync(cancellationToken);
            await store.SetAsync(AppId, fetched, cancellationToken);
            logger.LogInformation("WeChat access token for {AppId} refreshed; valid until {ExpiresAt:O}.", AppId, fetched.ExpiresAt);
            return fetched.Value;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private bool IsFresh(StoredAccessToken? token) =>
        token is not null && token.ExpiresAt - time.GetUtcNow() > RefreshMargin;
}
