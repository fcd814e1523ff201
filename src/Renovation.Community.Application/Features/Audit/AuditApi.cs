using Microsoft.AspNetCore.Http.HttpResults;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Audit;

/// <param name="Actor"><c>user:&lt;id&gt;</c>, <c>job:&lt;JobName&gt;</c>, or null for start-up work and older entries.</param>
/// <param name="CommunityId">The community the changed row belongs to; null above communities and on older entries.</param>
public sealed record AuditView(long Id, Guid? ActorUserId, string? Actor, Guid? CommunityId, string Action, string EntityType,
    string EntityId, string? Before, string? After, DateTimeOffset At, string? CorrelationId);

public static class AuditApi
{
    /// <summary>
    /// Rows a community's audit readers do not see: a resident's dealings with the property company and payments hold
    /// contacts and money that neither the committee nor the street may read elsewhere (city-wide admins see them).
    /// </summary>
    public static readonly string[] HiddenFromCommunityReaders =
        ["ServiceOrder", "ServiceDispute", "Payment", "PaymentRefund", "PaymentIncident", "ReconciliationDiscrepancy"];

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Audit").WithName("ListAuditLog")
            .WithSummary("Administrative changes, newest first (city-wide admins)")
            .WithDescription("Audit entries (actor, action, entity, before/after JSON with enums by name, time, correlation id) written in the same transaction as every audited change. Paged; city-wide administrators only. The actor is user:<id>, or job:<JobName> for a scheduled job.");
        api.MapGet("/communities/{communityId:guid}/audit", ListCommunityAsync).WithTags("Audit").WithName("ListCommunityAuditLog")
            .WithSummary("A community's audit log, newest first (committee, street, city)")
            .WithDescription("The audit entries of rows that belong to one community (its units, parties, votes, fund, notices, meetings …), for its owners' committee, the officers of its street and city-wide administrators. Service orders, disputes and payments are left out: they carry residents' contacts and money that the committee and street read nowhere else. Paged; filter by entityType and entityId.");
        return api;
    }

    private static async Task<Ok<Page<AuditView>>> ListAsync(string? entityType, string? entityId,
        [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        // Entries above communities (users, grants, districts) are not tied to one, so only admins over the whole city read all.
        await access.RequireDistrictAdminAsync(null, ct);
        return TypedResults.Ok(await Filter(db.AuditLog.AsQueryable(), entityType, entityId).ToPageAsync(page, ct));
    }

    private static async Task<Ok<Page<AuditView>>> ListCommunityAsync(Guid communityId, string? entityType, string? entityId,
        [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ReadCommunityAudit, ct);
        var query = db.AuditLog.Where(a => a.CommunityId == communityId && !HiddenFromCommunityReaders.Contains(a.EntityType));
        return TypedResults.Ok(await Filter(query, entityType, entityId).ToPageAsync(page, ct));
    }

    private static IQueryable<AuditView> Filter(IQueryable<AuditEntry> query, string? entityType, string? entityId)
    {
        if (!string.IsNullOrWhiteSpace(entityType))
            query = query.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId))
            query = query.Where(a => a.EntityId == entityId);
        return query.OrderByDescending(a => a.Id)
            .Select(a => new AuditView(a.Id, a.ActorUserId, a.Actor, a.CommunityId, a.Action, a.EntityType, a.EntityId, a.Before,
                a.After, a.At, a.CorrelationId));
    }
}
