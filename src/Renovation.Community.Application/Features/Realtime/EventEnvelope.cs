using System.Text.Json;
using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Realtime;

/// <summary>What clients receive, live or through catch-up. <c>Sequence</c> only grows; clients keep the last one seen.</summary>
public sealed record EventEnvelope(long Sequence, Guid EventId, string Kind, string Audience, DateTimeOffset OccurredAt,
    JsonElement Payload)
{
    public static EventEnvelope From(OutboxEvent e) =>
        new(e.Sequence!.Value, e.EventId, e.Kind, e.Audience, e.OccurredAt, JsonDocument.Parse(e.PayloadJson).RootElement.Clone());
}
