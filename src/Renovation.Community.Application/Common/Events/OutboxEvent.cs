namespace Renovation.Community.Application.Common.Events;

/// <summary>
/// An event written in the same transaction as the change it describes (transactional outbox).
/// <see cref="Sequence"/> is assigned later by the single active dispatcher in commit-visible order, so a client
/// catching up with <c>after=SEQ</c> never skips an event that committed late.
/// </summary>
public sealed class OutboxEvent
{
    private OutboxEvent() { }

    public OutboxEvent(string kind, Audience audience, string payloadJson, DateTimeOffset now)
    {
        EventId = Ids.New();
        Kind = kind;
        Audience = audience.Key;
        PayloadJson = payloadJson;
        OccurredAt = now;
    }

    /// <summary>Insertion order; only the dispatcher's ordering key.</summary>
    public long Id { get; private set; }
    public Guid EventId { get; private set; }
    public string Kind { get; private set; } = "";
    /// <summary>The SignalR group that receives it, e.g. <c>community:…</c>.</summary>
    public string Audience { get; private set; } = "";
    public string PayloadJson { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public long? Sequence { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
}
