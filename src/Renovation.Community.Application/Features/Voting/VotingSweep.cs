using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// Opens votes whose time has come (freezing the electorate) and closes those past their closing time plus the
/// grace period (chaining the last ballots, recounting, publishing the result). State lives in the database, so a
/// restart loses nothing and a second run finds nothing to do.
/// </summary>
[DisallowConcurrentExecution]
public sealed class VotingSweep(AppDbContext db, BallotChainer chainer, EventOutbox outbox, TimeProvider clock,
    IOptions<VotingOptions> options, ILogger<VotingSweep> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(context.JobDetail.Key.Name);
        var now = clock.GetUtcNow();
        var toOpen = await db.Votes.Where(v => v.State == VoteState.Scheduled && v.OpensAt <= now).Select(v => v.Id).ToListAsync(ct);
        foreach (var id in toOpen)
            await OpenAsync(id, ct);

        var countFrom = now.AddSeconds(-options.Value.CloseGraceSeconds);
        var toClose = await db.Votes.Where(v => v.State == VoteState.Open && v.ClosesAt <= countFrom).Select(v => v.Id).ToListAsync(ct);
        foreach (var id in toClose)
        {
            if (await chainer.ChainAsync(id, ct))
                await CloseAsync(id, ct);
            else
                logger.LogInformation("Vote {VoteId} is due to close but another node is chaining; next sweep", id);
        }
    }

    private Task OpenAsync(Guid voteId, CancellationToken ct) => db.InTransactionAsync(async innerCt =>
    {
        var vote = await db.Votes.Include(v => v.Candidates).SingleAsync(v => v.Id == voteId, innerCt);
        if (vote.State != VoteState.Scheduled)
            return 0;
        var (area, heads, units) = await ElectorateFreezer.FreezeAsync(db, vote, innerCt);
        var settings = await db.VotingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == vote.CommunityId, innerCt)
            ?? new VotingSettings(vote.CommunityId);
        vote.Open(area, heads, units, settings.LastBallotWins, clock.GetUtcNow());
        TallyStore.Create(db, vote);
        outbox.Add("vote.opened", Audience.Community(vote.CommunityId),
            new { voteId, vote.Title, electorate = vote.Electorate, vote.ClosesAt });
        await db.SaveChangesAsync(innerCt);
        return 1;
    }, ct);

    private Task CloseAsync(Guid voteId, CancellationToken ct) => db.InTransactionAsync(async innerCt =>
    {
        var vote = await db.Votes.Include(v => v.Candidates).SingleAsync(v => v.Id == voteId, innerCt);
        if (vote.State != VoteState.Open)
            return 0;
        var recount = await TallyStore.RecountAsync(db, voteId, innerCt);
        var running = await TallyStore.ReadAsync(db, voteId, innerCt);
        if (!TallyStore.Same(recount, running))
            logger.LogError("Vote {VoteId}: running tally differs from the recount; the recount is published", voteId);
        var settings = await db.VotingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == vote.CommunityId, innerCt)
            ?? new VotingSettings(vote.CommunityId);
        var result = TallyCalculator.Compute(vote, recount);
        vote.Close(result, clock.GetUtcNow(), settings.ResultPublicityDays);
        outbox.Add("vote.closed", Audience.Community(vote.CommunityId), new { voteId, result });
        await db.SaveChangesAsync(innerCt);
        return 1;
    }, ct);
}
