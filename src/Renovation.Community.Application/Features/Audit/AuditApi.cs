using Microsoft.AspNetCore.Http.HttpResults;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Audit;

public sealed record AuditView(long Id, Guid? ActorUserId, string Action, string EntityType, string EntityId,
    string? Before, string? After, DateTimeOffset At, string? CorrelationId);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Audit").WithName("ListAuditLog")
            .WithSummary("Administrative changes, newest first (city-wide admins)")
            .WithDescription("Audit entries (actor, action, entity, before/after JSON, time, correlation id) written in the same transaction as every audited change. Paged; city-wide administrators only.");
        return api;
    }

    private static async Task<Ok<Page<AuditView>>> ListAsync(string? entityType, string? entityId,
        [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        // Entries are not tied to one community, so only admins over the whole city may read them.
        await access.RequireDistrictAdminAsync(null, ct);
        var query = db.AuditLog.AsQueryable();
        if (!string.IsNullOrWhiteSpace(entityType))
            query = query.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId))
            query = query.Where(a => a.EntityId == entityId);
        return TypedResults.Ok(await query.OrderByDescending(a => a.Id)
            .Select(a => new AuditView(a.Id, a.ActorUserId, a.Action, a.EntityType, a.EntityId, a.Before, a.After, a.At,
                a.CorrelationId))
            .ToPageAsync(page, ct));
    }
}
