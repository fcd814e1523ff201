namespace Renovation.Community.Application.Features.Audit;

/// <summary>Who changed what and when, with the values before and after. Written by <see cref="AuditInterceptor"/>.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Guid? actorUserId, string? actor, Guid? communityId, string action, string entityType, string entityId,
        string? before, string? after, DateTimeOffset at, string? correlationId)
    {
        ActorUserId = actorUserId;
        Actor = actor;
        CommunityId = communityId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Before = before;
        After = after;
        At = at;
        CorrelationId = correlationId;
    }

    public long Id { get; private set; }
    public Guid? ActorUserId { get; private set; }
    /// <summary>
    /// Who acted: <c>user:&lt;id&gt;</c> or <c>job:&lt;JobName&gt;</c> for a scheduled job; null for start-up work (the demo
    /// seed, migrations) and for entries written before actors were named.
    /// </summary>
    public string? Actor { get; private set; }
    /// <summary>
    /// The community the changed row belongs to (its <c>CommunityId</c>, or the community itself), so a committee or a
    /// street can read its own entries; null for rows above communities (districts, users, grants) and for entries
    /// written before communities were recorded, which only city-wide administrators read.
    /// </summary>
    public Guid? CommunityId { get; private set; }
    /// <summary>created, updated or deleted.</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? CorrelationId { get; private set; }
}
