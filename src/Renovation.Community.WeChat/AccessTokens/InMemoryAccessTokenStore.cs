using System.Collections.Concurrent;

namespace Renovation.Community.WeChat.AccessTokens;

/// <summary>The single-node default.</summary>
public sealed class InMemoryAccessTokenStore : IAccessTokenStore
{
    private readonly ConcurrentDictionary<string, StoredAccessToken> _tokens = new(StringComparer.Ordinal);

    public ValueTask<StoredAccessToken?> GetAsync(string appId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_tokens.TryGetValue(appId, out var token) ? token : null);

    public ValueTask SetAsync(string appId, StoredAccessToken token, CancellationToken cancellationToken = default)
    {
        _tokens[appId] = token;
        return ValueTask.CompletedTask;
    }
}
