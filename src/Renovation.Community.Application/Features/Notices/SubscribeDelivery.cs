using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>One subscribe message for one event and one resident; the unique index on both is the "never twice" rule.</summary>
public sealed class SubscribeDelivery
{
    private SubscribeDelivery() { }

    public SubscribeDelivery(Guid eventId, string kind, Guid? subjectId, Guid userId, string templateId, DateTimeOffset now)
    {
        Id = Ids.New();
        EventId = eventId;
        Kind = kind;
        SubjectId = subjectId;
        UserId = userId;
        TemplateId = templateId;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public string Kind { get; private set; } = "";
    /// <summary>The notice (or other subject) the event was about, for counting deliveries per notice.</summary>
    public Guid? SubjectId { get; private set; }
    public Guid UserId { get; private set; }
    public string TemplateId { get; private set; } = "";
    public DeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
}
