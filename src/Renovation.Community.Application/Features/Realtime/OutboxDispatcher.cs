using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Leases;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Realtime;

/// <summary>
/// Delivers outbox events at least once. Only the node holding the <c>outbox-dispatcher</c> lease works, so
/// sequence numbers are handed out by one writer in the order events became visible. Delivery goes to SignalR
/// groups (through the Redis backplane when configured); an event is marked published only after it was sent, so a
/// crash in between re-sends it and clients de-duplicate by sequence.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IHubContext<EventsHub> hub, OutboxSignal signal,
    IOptions<RealtimeOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const string LeaseName = "outbox-dispatcher";
    private readonly string _holder = LeaseStore.NewHolder();
    // The lease keeps other nodes out, not other callers in this process (the loop and an operator's or test's direct
    // call share the holder): two rounds at once would number the same events twice and leave gaps.
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _oneRoundAtATime = new(1, 1);
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchOnceAsync(stoppingToken))
                {
                    // Keep going while full batches come back.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox dispatch failed; will retry");
            }
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sequences and publishes one batch; true when there may be more.</summary>
    public async Task<bool> DispatchOnceAsync(CancellationToken ct)
    {
        await _oneRoundAtATime.WaitAsync(ct);
        try
        {
            return await DispatchRoundAsync(ct);
        }
        finally
        {
            _oneRoundAtATime.Release();
        }
    }

    private async Task<bool> DispatchRoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = options.Value;
        if (!await LeaseStore.TryAcquireAsync(db, LeaseName, _holder, clock.GetUtcNow(),
                TimeSpan.FromSeconds(settings.LeaseSeconds), ct))
            return false;

        // Ordered by (Sequence, Id), not Id alone, though Sequence is null throughout: that is the order of the Sequence
        // index, so only the unsequenced events are read. Ordered by Id, MariaDB walked the primary key from the oldest
        // event (all of them sequenced) on every round.
        var fresh = await db.OutboxEvents.Where(e => e.Sequence == null).OrderBy(e => e.Sequence).ThenBy(e => e.Id)
            .Select(e => e.Id).Take(settings.BatchSize).ToListAsync(ct);
        if (fresh.Count > 0)
        {
            var last = await db.OutboxEvents.MaxAsync(e => e.Sequence, ct) ?? 0;
            await db.Database.ExecuteSqlRawAsync(NumberingSql(fresh, last), ct);
        }

        var unpublished = await db.OutboxEvents.AsNoTracking().Where(e => e.Sequence != null && e.PublishedAt == null)
            .OrderBy(e => e.Sequence).Take(settings.BatchSize).ToListAsync(ct);
        foreach (var e in unpublished)
            await hub.Clients.Group(e.Audience).SendAsync(EventsHub.EventMethod, EventEnvelope.From(e), ct);
        if (unpublished.Count > 0)
        {
            // One statement for the batch, not an UPDATE and a row-count check per event: under a burst of payments the
            // dispatcher fell behind by thousands of events.
            var sent = unpublished.Select(e => e.Id).ToList();
            var now = clock.GetUtcNow();
            await db.OutboxEvents.Where(e => sent.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.PublishedAt, now), ct);
        }
        if (clock.GetUtcNow() - _lastPrune > PruneEvery)
            await PruneRoundAsync(db, ct);
        return fresh.Count == settings.BatchSize || unpublished.Count == settings.BatchSize;
    }

    /// <summary>
    /// One UPDATE that numbers the batch in id order, not an UPDATE and a row-count check per event. The ids and numbers
    /// are longs read from the database, so writing them into the SQL cannot inject anything.
    /// </summary>
    private static string NumberingSql(IReadOnlyList<long> ids, long last)
    {
        var sql = new StringBuilder("UPDATE OutboxEvents SET Sequence = CASE Id");
        for (var i = 0; i < ids.Count; i++)
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {ids[i]} THEN {last + 1 + i}");
        sql.Append(" END WHERE Id IN (").AppendJoin(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))).Append(')');
        return sql.ToString();
    }

    /// <summary>Deletes published events past the retention (see <see cref="RealtimeOptions.RetentionDays"/>); returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await _oneRoundAtATime.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await PruneRoundAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        }
        finally
        {
            _oneRoundAtATime.Release();
        }
    }

    private async Task<int> PruneRoundAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        _lastPrune = now;
        var cutoff = now.AddDays(-options.Value.RetentionDays);
        // The newest event always stays: its sequence is where numbering continues.
        var newest = await db.OutboxEvents.MaxAsync(e => e.Sequence, ct) ?? 0;
        return await db.OutboxEvents
            .Where(e => e.PublishedAt != null && e.OccurredAt < cutoff && e.Sequence < newest)
            .ExecuteDeleteAsync(ct);
    }
}
