using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.AccessTokens;

namespace Renovation.Community.Application.Features.WeChatIntegration;

/// <summary>
/// Keeps the access token in the database so that every node uses the same one instead of refreshing over each
/// other (<c>WeChat:AccessTokenStore=Database</c>). The token provider still caches it in memory between reads.
/// </summary>
public sealed class DatabaseAccessTokenStore(IServiceScopeFactory scopes) : IAccessTokenStore
{
    public async ValueTask<StoredAccessToken?> GetAsync(string appId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.WeChatAccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.AppId == appId, cancellationToken);
        return row is null ? null : new StoredAccessToken(row.Value, row.ExpiresAt);
    }

    public async ValueTask SetAsync(string appId, StoredAccessToken token, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var updated = await db.WeChatAccessTokens.Where(t => t.AppId == appId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, token.Value).SetProperty(t => t.ExpiresAt, token.ExpiresAt),
                cancellationToken);
        if (updated > 0)
            return;
        try
        {
            db.WeChatAccessTokens.Add(new StoredWeChatToken(appId, token.Value, token.ExpiresAt));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            // Another node stored its token first; either token is valid (stable_token hands out the same one).
        }
    }
}
