using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Leases;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// Appends committed ballots to each vote's hash chain (link = SHA-256(previous link | receipt)) and pushes live
/// turnout. One writer at a time: the <c>ballot-chainer</c> lease across nodes and a lock within the process. Within
/// a batch ballots are ordered by receipt, not by arrival, so chain positions say nothing about when (or, matched
/// with the public participation list, by whom) a secret ballot was cast.
/// </summary>
public sealed class BallotChainer(IServiceScopeFactory scopes, IOptions<VotingOptions> options, TimeProvider clock,
    ILogger<BallotChainer> logger) : BackgroundService
{
    public const string LeaseName = "ballot-chainer";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _holder = LeaseStore.NewHolder();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.ChainIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ChainAsync(voteId: null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Chaining ballots failed; will retry");
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Chains every pending ballot (of one vote, or of all); false when another node holds the lease.</summary>
    public async Task<bool> ChainAsync(Guid? voteId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await LeaseStore.TryAcquireAsync(db, LeaseName, _holder, clock.GetUtcNow(), TimeSpan.FromSeconds(30), ct))
                return false;
            var pendingVotes = await db.Ballots.Where(b => b.ChainIndex == null && (voteId == null || b.VoteId == voteId))
                .Select(b => b.VoteId).Distinct().ToListAsync(ct);
            foreach (var id in pendingVotes)
            {
                while (await ChainBatchAsync(db, id, ct))
                {
                    // until the vote has nothing pending
                }
                await PublishTurnoutAsync(scope.ServiceProvider, db, id, ct);
            }
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> ChainBatchAsync(AppDbContext db, Guid voteId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var last = await db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId && b.ChainIndex != null)
            .OrderByDescending(b => b.ChainIndex).Select(b => new { b.ChainIndex, b.LinkHash }).FirstOrDefaultAsync(ct);
        var batch = await db.Ballots.Where(b => b.VoteId == voteId && b.ChainIndex == null)
            .OrderBy(b => b.ReceiptHash).Take(options.Value.ChainBatchSize).ToListAsync(ct);
        var index = last?.ChainIndex ?? 0;
        var link = last?.LinkHash ?? BallotKeys.Genesis(voteId);
        foreach (var ballot in batch)
        {
            link = BallotKeys.Link(link, ballot.ReceiptHash);
            ballot.Chain(++index, link);
        }
        await db.SaveChangesAsync(ct);
        return batch.Count == options.Value.ChainBatchSize;
    }

    private static async Task PublishTurnoutAsync(IServiceProvider services, AppDbContext db, Guid voteId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var vote = await db.Votes.AsNoTracking().SingleAsync(v => v.Id == voteId, ct);
        if (vote.State != VoteState.Open)
            return;
        var tally = await TallyStore.ReadAsync(db, voteId, ct);
        services.GetRequiredService<EventOutbox>().Add("vote.turnout", Audience.Community(vote.CommunityId),
            VoteViews.Turnout(vote, tally));
        await db.SaveChangesAsync(ct);
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
