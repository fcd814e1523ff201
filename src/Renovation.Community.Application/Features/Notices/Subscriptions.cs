using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>What <c>wx.requestSubscribeMessage</c> answered for one template.</summary>
public enum ConsentResult
{
    Accept = 0,
    Reject = 1,
    Ban = 2,
}

/// <summary>
/// A resident's one-time subscribe-message consents (一次性订阅) for one template: every accept allows one message,
/// every message sent uses one up. A ban (the user switched the template off) stops sending until a new accept.
/// </summary>
public sealed class SubscriptionConsent
{
    private SubscriptionConsent() { }

    public SubscriptionConsent(Guid userId, string templateId, DateTimeOffset now)
    {
        Id = Ids.New();
        UserId = userId;
        TemplateId = templateId;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string TemplateId { get; private set; } = "";
    public int Remaining { get; private set; }
    public bool Banned { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
}

public enum DeliveryState
{
    Pending = 0,
    /// <summary>Claimed and handed to WeChat; a crash here leaves it so (never sent twice, at most once).</summary>
    Sending = 1,
    Sent = 2,
    /// <summary>No consent left here, or WeChat answered 43101.</summary>
    NoConsent = 3,
    Failed = 4,
}

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

/// <summary>How far a reader of the outbox has got (the subscribe-message planner).</summary>
public sealed class OutboxCursor
{
    private OutboxCursor() { }

    public OutboxCursor(string name) => Name = name;

    public string Name { get; private set; } = "";
    public long LastSequence { get; private set; }

    public void MoveTo(long sequence) => LastSequence = Math.Max(LastSequence, sequence);
}
