using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Common.Observability;

/// <summary>
/// How long the oldest event still waiting in the outbox has waited: the clients' view of "now" is that far behind.
/// Read from the database (the unpublished events of every node), at most once per
/// <see cref="TelemetryOptions.OutboxLagCacheSeconds"/>, so frequent scrapes and several exporters cost one small
/// indexed query. Instrument callbacks are synchronous, hence the synchronous query.
/// </summary>
public sealed class OutboxLag(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TelemetryOptions> options,
    ILogger<OutboxLag> logger)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private double _seconds;

    public IEnumerable<Measurement<double>> Observe()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _readAt < TimeSpan.FromSeconds(options.Value.OutboxLagCacheSeconds) && now >= _readAt)
                return [new(_seconds)];
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                // The (PublishedAt, Sequence) index finds the unpublished rows; only they are sorted.
                var oldest = db.OutboxEvents.AsNoTracking().Where(e => e.PublishedAt == null)
                    .OrderBy(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault();
                _seconds = oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0;
                _readAt = now;
                return [new(_seconds)];
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                // A scrape must not fail because the database is away; the gap in the series says enough.
                logger.LogWarning("Outbox lag not measured: {Error}", e.Message);
                return [];
            }
        }
    }
}
