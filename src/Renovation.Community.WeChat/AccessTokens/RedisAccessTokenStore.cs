using System.Globalization;
using StackExchange.Redis;

namespace Renovation.Community.WeChat.AccessTokens;

/// <summary>
/// Shares the token between API nodes. Two nodes refreshing at the same moment is harmless because
/// stable_token without force_refresh hands both the same token.
/// </summary>
public sealed class RedisAccessTokenStore(IConnectionMultiplexer redis, string keyPrefix = "wechat:access-token:") : IAccessTokenStore
{
    public async ValueTask<StoredAccessToken?> GetAsync(string appId, CancellationToken cancellationToken = default)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(Key(appId));
        string? value = null;
        long? expiresAt = null;
        foreach (var entry in entries)
        {
            if (entry.Name == "value")
            {
                value = entry.Value;
            }
            else if (entry.Name == "expires_at" && long.TryParse((string?)entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                expiresAt = seconds;
            }
        }
        return value is null || expiresAt is null ? null : new StoredAccessToken(value, DateTimeOffset.FromUnixTimeSeconds(expiresAt.Value));
    }

    public async ValueTask SetAsync(string appId, StoredAccessToken token, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var key = Key(appId);
        var transaction = db.CreateTransaction();
        _ = transaction.HashSetAsync(key,
        [
            new HashEntry("value", token.Value),
            new HashEntry("expires_at", token.ExpiresAt.ToUnixTimeSeconds()),
        ]);
        // Redis drops the key when WeChat would reject the token anyway.
        _ = transaction.KeyExpireAsync(key, token.ExpiresAt.UtcDateTime);
        await transaction.ExecuteAsync();
    }

    private string Key(string appId) => keyPrefix + appId;
}
