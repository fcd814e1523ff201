using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Voting;

/// <summary>An online ballot waiting for the box: who casts it, for which party (when they named one), and what it says.</summary>
public sealed record BoxedBallot(Vote Vote, BallotChoice Choice, string Key, Guid UserId, Guid? PartyId);

/// <summary>
/// Group commit for the common case of casting: a resident's first ballot for their only party (or the one they
/// named). Requests queue here; a few writers each take whatever has queued and record it in one transaction — two
/// key look-ups find every caller's party and whether it has voted, one multi-row insert writes the ballots and
/// participations, and one shard update per vote moves the tally. Under load a batch holds dozens of ballots for
/// the price of one transaction.
/// <para>
/// Anything unusual is answered with null, and the caller takes the full path (<see cref="BallotCaster"/>) after the
/// batch has committed: a party that has already voted (refusal, replay, or replacement), a caller with several
/// parties or only a proxy, a second ballot for the same party or key within the batch. If the batch fails — a
/// concurrent writer won a unique key, say — it rolls back whole and every ballot in it takes the full path, so the
/// unique indexes stay the only guard and the answers are the same as without the box.
/// </para>
/// </summary>
public sealed class BallotBox(IServiceScopeFactory scopes, IOptions<VotingOptions> options, TimeProvider clock,
    IMeterFactory meters, ILogger<BallotBox> logger) : BackgroundService
{
    public const string MeterName = "Renovation.Community.Voting";
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Histogram<int> _recorded = meters.Create(MeterName).CreateHistogram<int>("voting.ballot_box.recorded",
        "{ballot}", "Ballots recorded by one ballot-box transaction");

    private sealed record Pending(BoxedBallot Ballot, TaskCompletionSource<CastOutcome?> Done);

    /// <summary>The recorded ballot, or null when the caller must take the full path.</summary>
    public Task<CastOutcome?> TryCastAsync(BoxedBallot ballot)
    {
        var done = new TaskCompletionSource<CastOutcome?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (options.Value.BallotWriters == 0 || !_queue.Writer.TryWrite(new Pending(ballot, done)))
            done.SetResult(null);
        return done.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Writers drain what is queued even while stopping, so no accepted request is left waiting.
        stoppingToken.Register(() => _queue.Writer.TryComplete());
        return Task.WhenAll(Enumerable.Range(0, options.Value.BallotWriters).Select(_ => Task.Run(WriteAsync, CancellationToken.None)));
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
            await RecordAsync(batch);
            batch.Clear();
        }
    }

    private async Task RecordAsync(List<Pending> batch)
    {
        Dictionary<Pending, CastOutcome?> outcomes;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            outcomes = await db.InTransactionAsync(ct => WriteBatchAsync(db, batch, ct), CancellationToken.None);
        }
        catch (Exception e)
        {
            // Expected when a concurrent request won a unique key; the full path gives each ballot its exact answer.
            var expected = e is DbUpdateException u && UniqueViolation.IsUniqueViolation(u);
            logger.Log(expected ? LogLevel.Debug : LogLevel.Warning, e,
                "A batch of {Count} ballots rolled back; each takes the full path", batch.Count);
            outcomes = [];
        }
        if (outcomes.Count > 0)
            _recorded.Record(outcomes.Count);
        foreach (var pending in batch)
            pending.Done.TrySetResult(outcomes.GetValueOrDefault(pending));
    }

    private async Task<Dictionary<Pending, CastOutcome?>> WriteBatchAsync(AppDbContext db, List<Pending> batch, CancellationToken ct)
    {
        var parties = await OpenVotes.OwnPartiesAsync(db, batch.Select(p => p.Ballot.Vote.Id).ToHashSet(),
            batch.Select(p => p.Ballot.UserId).ToHashSet(), ct);
        var shards = new Dictionary<Guid, int>();
        var outcomes = new Dictionary<Pending, CastOutcome?>();
        var takenParties = new HashSet<(Guid, Guid)>();
        var takenKeys = new HashSet<(Guid, string)>();
        var counted = new List<(Pending Pending, ElectorateParty Party, Ballot Ballot)>();
        foreach (var pending in batch)
        {
            var (vote, choice, key, userId, partyId) = pending.Ballot;
            var own = parties.GetValueOrDefault((vote.Id, userId)) ?? [];
            var party = partyId is null
                ? own.Count == 1 ? own[0] : null
                : own.FirstOrDefault(p => p.Party.OwnerPartyId == partyId);
            var keyHash = BallotKeys.KeyHash(vote.Id, key);
            if (party is null || party.HasVoted
                || !takenParties.Add((vote.Id, party.Party.OwnerPartyId)) || !takenKeys.Add((vote.Id, keyHash)))
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
            return outcomes;
        await db.SaveChangesAsync(ct);

        // One shard per vote and batch; votes in a fixed order so two writers never wait on each other's shards crosswise.
        foreach (var vote in counted.GroupBy(c => (c.Ballot.VoteId, c.Ballot.Shard)).OrderBy(g => g.Key.VoteId))
            await TallyStore.ApplyAsync(db, vote.Key.VoteId, vote.Key.Shard,
                TallyStore.Sum(vote.Select(c => c.Pending.Ballot.Choice.Contribution(c.Party.AreaHundredths))), +1, ct);
        foreach (var (pending, _, ballot) in counted)
            outcomes[pending] = new CastOutcome(ballot.VoteId, ballot.ReceiptHash, Replayed: false, Replaced: false);
        return outcomes;

        // The same shard for every ballot of a vote within this batch (a retried batch may pick another).
        int Shard(Guid voteId) => shards.TryGetValue(voteId, out var s) ? s : shards[voteId] = Random.Shared.Next(VoteTally.Shards);
    }
}
