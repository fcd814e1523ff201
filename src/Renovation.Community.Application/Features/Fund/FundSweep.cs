using Microsoft.EntityFrameworkCore;
using Quartz;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// The fund's calendar (China dates): publishes each account's statement for the last complete calendar year once the
/// year is over, and reminds the committee when a half-year ended without a published statement covering it (the
/// half-yearly disclosure). Both are rows under unique indexes inserted with their notice or event in one
/// transaction, so each happens once per community and period however often, and on however many nodes, this runs.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FundSweep(AppDbContext db, EventOutbox outbox, TimeProvider clock, ILogger<FundSweep> logger) : IJob
{
    private const int Batch = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(context.JobDetail.Key.Name);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToChina().DateTime);
        var year = new DateOnly(today.Year - 1, 1, 1);
        var yearEnd = new DateOnly(today.Year - 1, 12, 31);
        var (halfFrom, halfTo) = today.Month <= 6 ? (new DateOnly(today.Year - 1, 7, 1), yearEnd) : (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 6, 30));

        // Only accounts that existed before the period ended: a fund opened this year has no last year to publish.
        var yearOver = StartOf(yearEnd.AddDays(1));
        // A community with one account per building is one statement: group the accounts by community.
        var unpublished = await Funds().Where(f => f.OpenedAt < yearOver
                && !db.FundPublishedStatements.Any(p => p.CommunityId == f.CommunityId && p.From == year && p.To == yearEnd))
            .OrderBy(f => f.OpenedAt).Take(Batch).Select(f => f.CommunityId).ToListAsync(ct);
        foreach (var communityId in unpublished)
            await SaveOnceAsync($"yearly statement {year.Year} of {communityId}", async () =>
                await StatementPublishing.StageAsync(communityId, year, yearEnd, yearly: true, SystemActor.Id, db, outbox, now, ct), ct);

        var halfOver = StartOf(halfTo.AddDays(1));
        var due = await Funds().Where(f => f.OpenedAt < halfOver
                && !db.FundPublishedStatements.Any(p => p.CommunityId == f.CommunityId && p.From <= halfFrom && p.To >= halfTo)
                && !db.FundDisclosureReminders.Any(r => r.CommunityId == f.CommunityId && r.PeriodFrom == halfFrom))
            .OrderBy(f => f.OpenedAt).Take(Batch).Select(f => f.CommunityId).ToListAsync(ct);
        foreach (var communityId in due)
            await SaveOnceAsync($"disclosure reminder {halfFrom} of {communityId}", () =>
            {
                db.FundDisclosureReminders.Add(new DisclosureReminder(communityId, halfFrom, halfTo, now));
                var body = new
                {
                    communityId, from = halfFrom, to = halfTo,
                    message = $"{halfFrom:yyyy-MM-dd} 至 {halfTo:yyyy-MM-dd} 的维修资金收支情况尚未公示，请公示该期间的对账单",
                };
                outbox.Add(FundEvents.DisclosureDue, Audience.RoleHolders(Role.CommitteeChair, communityId), body);
                outbox.Add(FundEvents.DisclosureDue, Audience.RoleHolders(Role.CommitteeMember, communityId), body);
                return Task.CompletedTask;
            }, ct);
    }

    private sealed class OpenedFund
    {
        public Guid CommunityId { get; init; }
        public DateTimeOffset OpenedAt { get; init; }
    }

    /// <summary>Each community with a fund, opened when its first account was.</summary>
    private IQueryable<OpenedFund> Funds() => db.FundAccounts.AsNoTracking().GroupBy(a => a.CommunityId)
        .Select(g => new OpenedFund { CommunityId = g.Key, OpenedAt = g.Min(a => a.CreatedAt) });

    private static DateTimeOffset StartOf(DateOnly chinaDay) =>
        new DateTimeOffset(chinaDay.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    private async Task SaveOnceAsync(string what, Func<Task> stage, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await stage();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (RaceLoser.IsLostRace(e))
        {
            logger.LogInformation("The {What} was made by another run", what);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
