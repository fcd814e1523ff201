using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Observability;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// The one way a ballot is recorded, online or paper, first ballot or replacement, owner or proxy. Requests queue
/// here and a few writers (<see cref="VotingOptions.BallotWriters"/>) take whatever has queued:
/// <list type="number">
/// <item><b>Together</b>: residents' first ballots for their only party (or the one they named) share one transaction —
/// two key look-ups find every caller's party, whether it has voted and whether a proxy stands for it; one multi-row
/// insert writes the ballots and participations; one shard update per vote moves the tally. Under load a batch holds
/// dozens of ballots for the price of one transaction.</item>
/// <item><b>One by one</b> (<c>BallotBox.OneByOne.cs</c>), in the same writer after the batch has committed: everything
/// else — a party that has voted (replay, refusal or replacement), several parties, proxies, paper ballots, a second
/// ballot for the same party or key within the batch, and every ballot of a batch that rolled back.</item>
/// </list>
/// The unique indexes (one participation per vote and party, one ballot per key) stay the only guard, so several
/// writers and several nodes can never record two ballots for a party; a writer that loses a race reads the winner
/// and answers as it would have one at a time.
/// </summary>
public sealed partial class BallotBox(IServiceScopeFactory scopes, IOptions<VotingOptions> options, TimeProvider clock,
    IMeterFactory meters, ProductMetrics metrics, ILogger<BallotBox> logger) : BackgroundService
{
    public const string MeterName = "Renovation.Community.Voting";
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Histogram<int> _recorded = meters.Create(MeterName).CreateHistogram<int>("voting.ballot_box.recorded",
        "{ballot}", "Ballots recorded by one ballot-box transaction");

    private sealed record Pending(BoxedBallot? Online, CastRequest? Resolved)
    {
        public TaskCompletionSource<CastOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Records an online ballot; throws the problem the caller should see when it is refused.</summary>
    public Task<CastOutcome> CastAsync(BoxedBallot ballot) => Enqueue(new Pending(ballot, null));

    /// <summary>Records a ballot for a known party (paper ballots and corrections).</summary>
    public Task<CastOutcome> CastAsync(CastRequest request) => Enqueue(new Pending(null, request));

    private Task<CastOutcome> Enqueue(Pending pending)
    {
        if (!_queue.Writer.TryWrite(pending))
            pending.Done.SetException(new AppProblem(StatusCodes.Status503ServiceUnavailable, "shutting_down", "服务正在重启，请稍后重试"));
        return pending.Done.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Writers drain what is queued even while stopping, so no accepted request is left waiting.
        stoppingToken.Register(() => _queue.Writer.TryComplete());
        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.BallotWriters))
            .Select(_ => Task.Run(WriteAsync, CancellationToken.None)));
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < options.Value.BallotBatchSize && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            if (batch.Count == 0)
                continue;
            try
            {
                await RecordAsync(batch);
            }
            catch (Exception e)
            {
                // A fault outside any one ballot (no scope, say): fail what is left rather than leave callers waiting.
                foreach (var pending in batch)
                    pending.Done.TrySetException(e);
            }
            batch.Clear();
        }
    }

    private async Task RecordAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var left = await RecordTogetherAsync(db, batch);
        foreach (var pending in left)
        {
            try
            {
                db.ChangeTracker.Clear();
                pending.Done.TrySetResult(await RecordOneAsync(db, pending, CancellationToken.None));
            }
            catch (Exception e)
            {
                pending.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Records the batch's plain first ballots in one transaction and settles them; returns the rest.</summary>
    private async Task<List<Pending>> RecordTogetherAsync(AppDbContext db, List<Pending> batch)
    {
        var candidates = batch.Where(p => p.Online is { ReplacesKey: null }).ToList();
        if (candidates.Count == 0)
            return batch;
        Dictionary<Pending, CastOutcome> recorded;
        Dictionary<Pending, AppProblem> refused;
        try
        {
            (recorded, refused) = await BusyDatabase.RetryAsync(() =>
                db.InTransactionAsync(ct => WriteBatchAsync(db, candidates, ct), CancellationToken.None), CancellationToken.None);
        }
        catch (Exception e)
        {
            // Expected when another writer or node won a unique key; one by one, each ballot gets its exact answer.
            var expected = e is DbUpdateException u && UniqueViolation.IsUniqueViolation(u);
            logger.Log(expected ? LogLevel.Debug : LogLevel.Warning, e,
                "A batch of {Count} ballots rolled back; each is recorded on its own", candidates.Count);
            return batch;
        }
        if (recorded.Count > 0)
        {
            _recorded.Record(recorded.Count);
            metrics.BallotsRecorded(BallotChannel.Online, replacement: false, recorded.Count);
        }
        foreach (var (pending, outcome) in recorded)
            pending.Done.TrySetResult(outcome);
        foreach (var (pending, problem) in refused)
            pending.Done.TrySetException(problem);
        return batch.Where(p => !recorded.ContainsKey(p) && !refused.ContainsKey(p)).ToList();
    }

    private async Task<(Dictionary<Pending, CastOutcome>, Dictionary<Pending, AppProblem>)> WriteBatchAsync(AppDbContext db,
        List<Pending> batch, CancellationToken ct)
    {
        var parties = await OpenVotes.OwnPartiesAsync(db, batch.Select(p => p.Online!.Vote.Id).ToHashSet(),
            batch.Select(p => p.Online!.UserId).ToHashSet(), ct);
        var shards = new Dictionary<Guid, int>();
        var recorded = new Dictionary<Pending, CastOutcome>();
        var refused = new Dictionary<Pending, AppProblem>();
        var takenParties = new HashSet<(Guid, Guid)>();
        var takenKeys = new HashSet<(Guid, string)>();
        var counted = new List<(Pending Pending, ElectorateParty Party, Ballot Ballot)>();
        foreach (var pending in batch)
        {
            var (vote, choice, key, userId, partyId, _) = pending.Online!;
            var own = parties.GetValueOrDefault((vote.Id, userId)) ?? [];
            var party = partyId is null
                ? own.Count == 1 ? own[0] : null
                : own.FirstOrDefault(p => p.Party.OwnerPartyId == partyId);
            // Voted already (replay, refusal, replacement), several parties or none of one's own: one by one.
            if (party is null || party.HasVoted)
                continue;
            if (party.ProxyStands)
            {
                refused[pending] = ProxyStands();
                continue;
            }
            var keyHash = BallotKeys.KeyHash(vote.Id, key);
            // A second ballot for the party or the key within the batch waits until this one has committed.
            if (!takenParties.Add((vote.Id, party.Party.OwnerPartyId)) || !takenKeys.Add((vote.Id, keyHash)))
                continue;
            var roll = party.Party;
            var ballot = Ballot.Cast(vote, roll.OwnerPartyId, roll.AreaHundredths, choice,
                BallotKeys.Receipt(vote.Id, choice.Code, roll.AreaHundredths, key), keyHash, Shard(vote.Id),
                supersedesBallotId: null, userId, BallotChannel.Online, clock.GetUtcNow());
            db.Ballots.Add(ballot);
            db.Participations.Add(new Participation(vote.Id, roll.OwnerPartyId, BallotChannel.Online,
                vote.Secrecy == Secrecy.Named ? ballot.Id : null));
            counted.Add((pending, roll, ballot));
        }
        if (counted.Count == 0)
            return (recorded, refused);
        await db.SaveChangesAsync(ct);

        // One shard per vote and batch; votes in a fixed order so two writers never wait on each other's shards crosswise.
        foreach (var vote in counted.GroupBy(c => (c.Ballot.VoteId, c.Ballot.Shard)).OrderBy(g => g.Key.VoteId))
            await TallyStore.ApplyAsync(db, vote.Key.VoteId, vote.Key.Shard,
                TallyStore.Sum(vote.Select(c => c.Pending.Online!.Choice.Contribution(c.Party.AreaHundredths))), +1, ct);
        foreach (var (pending, _, ballot) in counted)
            recorded[pending] = new CastOutcome(ballot.VoteId, ballot.ReceiptHash, Replayed: false, Replaced: false);
        return (recorded, refused);

        // The same shard for every ballot of a vote within this batch (a retried batch may pick another).
        int Shard(Guid voteId) => shards.TryGetValue(voteId, out var s) ? s : shards[voteId] = Random.Shared.Next(VoteTally.Shards);
    }

    /// <summary>The rule book: while an approved proxy stands, the owner does not vote unless they withdraw it first.</summary>
    private static DomainRuleViolation ProxyStands() =>
        new("proxy_stands", "您已委托他人代为投票且委托已获批准；如需亲自投票，请先撤回委托", StatusCodes.Status409Conflict);
}
