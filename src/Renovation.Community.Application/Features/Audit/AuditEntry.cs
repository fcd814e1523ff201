namespace Renovation.Community.Application.Features.Audit;

/// <summary>Who changed what and when, with the values before and after. Written by <see cref="AuditInterceptor"/>.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Guid? actorUserId, string action, string entityType, string entityId, string? before, string? after,
        DateTimeOffset at, string? correlationId)
    {
        ActorUserId = actorUserId;
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
    /// <summary>created, updated or deleted.</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? CorrelationId { get; private set; }
}
