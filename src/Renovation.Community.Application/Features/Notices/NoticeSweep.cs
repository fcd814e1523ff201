using Microsoft.EntityFrameworkCore;
using Quartz;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>
/// Publishes scheduled notices whose time has come and expires published ones past their expiry. The state is in
/// the database and each move is guarded by the notice's concurrency token, so a second run (or a second node)
/// finds nothing left to do and an event is emitted exactly once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NoticeSweep(AppDbContext db, EventOutbox outbox, TimeProvider clock, ILogger<NoticeSweep> logger) : IJob
{
    private const int Batch = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(context.JobDetail.Key.Name);
        var now = clock.GetUtcNow();
        var due = await db.Notices.Where(n => n.State == NoticeState.Scheduled && n.PublishAt <= now)
            .OrderBy(n => n.PublishAt).Select(n => n.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in due)
            await MoveAsync(id, NoticeState.Scheduled, async n =>
            {
                var targeted = await NoticeAccess.Residents(db, n.TargetKind, n.TargetId).Distinct().CountAsync(ct);
                n.Publish(targeted, clock.GetUtcNow());
                return NoticeEvents.Published;
            }, ct);

        var ended = await db.Notices.Where(n => n.State == NoticeState.Published && n.ExpiresAt != null && n.ExpiresAt <= now)
            .OrderBy(n => n.ExpiresAt).Select(n => n.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in ended)
            await MoveAsync(id, NoticeState.Published, n =>
            {
                n.Expire(clock.GetUtcNow());
                return Task.FromResult(NoticeEvents.Expired);
            }, ct);
    }

    private async Task MoveAsync(Guid id, NoticeState from, Func<Notice, Task<string>> move, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var notice = await db.Notices.SingleAsync(n => n.Id == id, ct);
        if (notice.State != from)
            return;
        NoticeEvents.Emit(outbox, await move(notice), notice);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Withdrawn, edited or moved by someone else meanwhile: the next run sees the new state.
            logger.LogInformation("Notice {NoticeId} changed while the sweep moved it; left for the next run", id);
            db.ChangeTracker.Clear();
        }
    }
}
