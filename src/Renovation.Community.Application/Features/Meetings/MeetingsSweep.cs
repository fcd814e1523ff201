using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>
/// The meetings' deadlines: reminds the chair on day 2 after a meeting whose minutes are not out, tells the street
/// on day 4; tells the street when a call by a third of the members was not answered by a meeting in time, when an
/// assembly's results are late, and when a community's last assembly is a year old. Each alert is a row under a
/// primary key naming it, inserted with its events in one transaction, so it is raised exactly once however often
/// (and on however many nodes) the sweep runs.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MeetingsSweep(AppDbContext db, EventOutbox outbox, TimeProvider clock, IOptions<MeetingsOptions> options,
    ILogger<MeetingsSweep> logger) : IJob
{
    private const int Batch = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(context.JobDetail.Key.Name);
        var now = clock.GetUtcNow();
        var o = options.Value;

        var remindFrom = now.AddDays(-o.MinutesChairReminderDay);
        var late = await db.CommitteeMeetings.AsNoTracking()
            .Where(m => m.State == CommitteeMeetingState.Closed && m.MinutesPublishedAt == null && m.ClosedAt <= remindFrom)
            .OrderBy(m => m.ClosedAt).Take(Batch).Select(m => new { m.Id, m.CommunityId, m.Title, m.ClosedAt }).ToListAsync(ct);
        foreach (var m in late)
        {
            var due = m.ClosedAt!.Value.AddDays(o.MinutesDueDays);
            await RaiseAsync($"minutes-due:{m.Id}", "minutes_due", m.CommunityId, m.Id,
                $"会议“{m.Title}”的纪要和决定须在会后 {o.MinutesDueDays} 日内公布，请尽快发布", toChair: true, toStreet: false, new { meetingId = m.Id, dueBy = due }, ct);
            if (m.ClosedAt.Value.AddDays(o.MinutesStreetAlertDay) <= now)
                await RaiseAsync($"minutes-overdue:{m.Id}", "minutes_overdue", m.CommunityId, m.Id,
                    $"会议“{m.Title}”结束已超过 {o.MinutesDueDays} 日，纪要和决定仍未公布", toChair: true, toStreet: true, new { meetingId = m.Id, dueBy = due }, ct);
        }

        var calls = await db.CommitteeMeetingCalls.AsNoTracking().Where(c => c.HoldBy != null && c.HoldBy <= now && c.MeetingId == null)
            .OrderBy(c => c.HoldBy).Take(Batch).ToListAsync(ct);
        foreach (var c in calls)
            await RaiseAsync($"call-overdue:{c.Id}", "call_overdue", c.CommunityId, c.Id,
                $"三分之一以上委员提议召开业委会会议，{o.CalledMeetingWithinDays} 日内未召集", toChair: true, toStreet: true,
                new { callId = c.Id, c.HoldBy }, ct);

        var resultsLateFrom = now.AddDays(-o.MinutesStreetAlertDay);
        var assemblies = await db.OwnersAssemblies.AsNoTracking().Where(a => a.CancelledAt == null && a.ResultsPublishedAt == null && a.EndsAt <= resultsLateFrom)
            .OrderBy(a => a.EndsAt).Take(Batch).Select(a => new { a.Id, a.CommunityId, a.Title }).ToListAsync(ct);
        foreach (var a in assemblies)
            await RaiseAsync($"assembly-results-overdue:{a.Id}", "assembly_results_overdue", a.CommunityId, a.Id,
                $"业主大会“{a.Title}”表决结束已超过 {o.MinutesDueDays} 日，结果仍未公布", toChair: true, toStreet: true, new { assemblyId = a.Id }, ct);

        // A community whose latest assembly started more than a year ago (communities that never held one through the
        // platform are not guessed at: their last assembly may predate it).
        var yearAgo = now.AddDays(-o.AssemblyEveryDays);
        // A cancelled assembly was never held.
        var stale = await db.OwnersAssemblies.AsNoTracking().Where(a => a.CancelledAt == null).GroupBy(a => a.CommunityId)
            .Select(g => new { CommunityId = g.Key, Last = g.Max(a => a.StartsAt) }).Where(x => x.Last <= yearAgo)
            .Take(Batch).ToListAsync(ct);
        foreach (var s in stale)
            await RaiseAsync($"no-assembly:{s.CommunityId}:{s.Last.UtcTicks}", "no_assembly_for_a_year", s.CommunityId, s.CommunityId,
                "本小区已超过一年未召开业主大会，业主大会每年至少召开一次", toChair: true, toStreet: true, new { lastAssemblyAt = s.Last }, ct);
    }

    private async Task RaiseAsync(string key, string kind, Guid communityId, Guid subjectId, string message, bool toChair, bool toStreet,
        object payload, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await db.MeetingAlerts.AnyAsync(a => a.Key == key, ct))
            return;
        var now = clock.GetUtcNow();
        db.MeetingAlerts.Add(new MeetingAlert(key, kind, communityId, subjectId, message, now));
        var body = new { kind, communityId, subjectId, message, detail = payload };
        if (toChair)
            outbox.Add($"meetings.{kind}", MeetingsAccess.Chair(communityId), body);
        if (toStreet)
        {
            var streetId = await db.Communities.Where(c => c.Id == communityId).Select(c => c.StreetId).SingleAsync(ct);
            outbox.Add($"meetings.{kind}", MeetingsAccess.StreetOfficers(streetId), body);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (RaceLoser.IsLostRace(e))
        {
            logger.LogInformation("Meeting alert {Key} was raised by another run", key);
            db.ChangeTracker.Clear();
        }
    }
}
