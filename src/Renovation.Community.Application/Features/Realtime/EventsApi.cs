using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Realtime;

/// <summary>
/// <c>EarliestSequence</c> is the oldest event still kept: a client whose <c>after</c> is below it missed events that
/// were pruned and should reload its screens instead of relying on catch-up.
/// </summary>
public sealed record EventBatch(IReadOnlyList<EventEnvelope> Events, long LastSequence, bool HasMore, long EarliestSequence);

public static class EventsApi
{
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events", CatchUpAsync).WithTags("Events").WithName("CatchUpEvents")
            .WithSummary("Events for me with a sequence greater than `after`, oldest first (for reconnecting clients)")
            .WithDescription("The caller's events with a sequence greater than 'after', oldest first, for a client that was disconnected. earliestSequence tells a client that was away longer than the retention that it must reload instead.");
        return api;
    }

    private static async Task<Ok<EventBatch>> CatchUpAsync(long? after, int? limit, Access access, AppDbContext db,
        CancellationToken ct)
    {
        var from = after ?? 0;
        var take = limit ?? 100;
        var v = new Validator();
        v.Range(from, 0, long.MaxValue, "after", "after 不能为负数");
        v.Range(take, 1, MaxLimit, "limit", $"limit 必须在 1 到 {MaxLimit} 之间");
        v.ThrowIfInvalid();

        var audiences = AudienceResolver.For(await access.ScopeAsync(ct)).Select(a => a.Key).ToList();
        var rows = await db.OutboxEvents.AsNoTracking()
            .Where(e => e.Sequence > from && audiences.Contains(e.Audience))
            .OrderBy(e => e.Sequence)
            .Take(take + 1)
            .ToListAsync(ct);
        var page = rows.Take(take).Select(EventEnvelope.From).ToList();
        var last = page.Count > 0 ? page[^1].Sequence : from;
        var earliest = await db.OutboxEvents.MinAsync(e => e.Sequence, ct) ?? 0;
        return TypedResults.Ok(new EventBatch(page, last, rows.Count > take, earliest));
    }
}
