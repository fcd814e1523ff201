using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Common.Events;

/// <summary>
/// Adds events to the current unit of work. They commit with the change that caused them, or not at all; the
/// dispatcher then delivers them at least once.
/// </summary>
public sealed class EventOutbox(AppDbContext db, TimeProvider clock, IOptions<JsonOptions> json)
{
    public void Add(string kind, Audience audience, object payload) =>
        db.OutboxEvents.Add(new OutboxEvent(kind, audience,
            JsonSerializer.Serialize(payload, json.Value.SerializerOptions), clock.GetUtcNow()));
}
