using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// Caller that is neither on the roll through an approved binding nor an approved proxy. The handler turns it into
/// 404 when the caller cannot even see the vote.
/// </summary>
public sealed class NotAVoter() : AppProblem(StatusCodes.Status403Forbidden, "forbidden", "您不是本次投票业主名册中的业主，也未获得经批准的业主委托");

/// <summary>
/// The one-by-one lane of the box: one short transaction per ballot. The participation row (unique per vote and party)
/// is the one-ballot guard, the ballot row (unique per key) recognises a retried request, and the running tally moves
/// in one randomly chosen shard. No lock is shared by all ballots of a vote — the hash chain is built after commit by
/// <see cref="BallotChainer"/>.
/// </summary>
public sealed partial class BallotBox
{
    private async Task<CastOutcome> RecordOneAsync(AppDbContext db, Pending pending, CancellationToken ct)
    {
        var request = pending.Resolved ?? await ResolveAsync(db, pending.Online!, ct);
        var voteId = request.Vote.Id;
        var receipt = BallotKeys.Receipt(voteId, request.Choice.Code, request.AreaHundredths, request.Key);
        var keyHash = BallotKeys.KeyHash(voteId, request.Key);
        // A party that has voted is answered by reading: a retry gets its receipt, anything else is refused or replaces.
        // Only a ballot that may count takes the write lock.
        if (await FindReplayAsync(db, request, receipt, keyHash, ct) is { } replay)
            return replay;
        try
        {
            var recorded = await BusyDatabase.RetryAsync(() =>
                db.InTransactionAsync(innerCt => WriteOneAsync(db, request, receipt, keyHash, innerCt), ct), ct);
            // Committed: a refused, replayed or rolled-back ballot never gets here.
            metrics.BallotsRecorded(request.Channel, recorded.Replaced);
            return recorded;
        }
        catch (Exception e) when (e is DbUpdateException u && UniqueViolation.IsUniqueViolation(u)
                                  || e is DomainRuleViolation { Code: AlreadyVotedCode })
        {
            // Another writer or node won (seen as a duplicate key, or — after MySQL retried a deadlock — as an existing
            // participation): the same request (a retry) gets the same answer, anything else is refused.
            db.ChangeTracker.Clear();
            return await FindReplayAsync(db, request, receipt, keyHash, ct) ?? throw AlreadyVoted();
        }
    }

    /// <summary>
    /// Which party an online ballot is for: the caller's own (through an approved binding on the frozen roll) or one
    /// that appointed the caller as its approved proxy. <c>partyId</c> is needed only when there is more than one.
    /// </summary>
    private static async Task<CastRequest> ResolveAsync(AppDbContext db, BoxedBallot ballot, CancellationToken ct)
    {
        var (vote, choice, key, userId, partyId, replacesKey) = ballot;
        var own = (await OpenVotes.OwnPartiesAsync(db, [vote.Id], [userId], ct)).GetValueOrDefault((vote.Id, userId)) ?? [];
        var mine = partyId is null
            ? own.Count switch
            {
                1 => own[0],
                > 1 => throw AppProblem.BadRequest("party_required", "您可为多个业主投票，请指明为哪一户业主投票（partyId）"),
                _ => null,
            }
            : own.FirstOrDefault(p => p.Party.OwnerPartyId == partyId);
        if (mine is not null)
        {
            // A party that has voted gets the usual answer (replay, refusal or replacement) below.
            if (mine.ProxyStands && !mine.HasVoted)
                throw ProxyStands();
            return new CastRequest(vote, mine.Party.OwnerPartyId, mine.Party.AreaHundredths, choice, key, BallotChannel.Online,
                userId, replacesKey);
        }
        var proxied = await VotingAccess.ProxiedPartiesAsync(db, userId, vote.Id, ct);
        var party = partyId is null
            ? proxied.Count switch
            {
                1 => proxied[0],
                > 1 => throw AppProblem.BadRequest("party_required", "您受多户业主委托，请指明为哪一户业主投票（partyId）"),
                _ => throw new NotAVoter(),
            }
            : proxied.SingleOrDefault(p => p.OwnerPartyId == partyId) ?? throw new NotAVoter();
        return new CastRequest(vote, party.OwnerPartyId, party.AreaHundredths, choice, key, BallotChannel.Proxy, userId, replacesKey);
    }

    private async Task<CastOutcome> WriteOneAsync(AppDbContext db, CastRequest request, string receipt, string keyHash,
        CancellationToken ct)
    {
        var vote = request.Vote;
        var named = vote.Secrecy == Secrecy.Named;
        // Without "last ballot wins" (and outside corrections) an earlier participation can only mean refusal, which the
        // unique index reports on insert; only replacements need to read it first.
        var mayReplace = vote.LastBallotWins || request.IsCorrection;
        var participation = mayReplace
            ? await db.Participations.SingleOrDefaultAsync(p => p.VoteId == vote.Id && p.OwnerPartyId == request.PartyId, ct)
            : null;
        var replaced = participation is null ? null : await FindReplacedAsync(db, request, participation, ct);

        var shard = Random.Shared.Next(VoteTally.Shards);
        var ballot = Ballot.Cast(vote, request.PartyId, request.AreaHundredths, request.Choice, receipt, keyHash, shard,
            replaced?.Id, request.CastByUserId, request.Channel, clock.GetUtcNow());
        db.Ballots.Add(ballot);
        if (participation is null)
            db.Participations.Add(new Participation(vote.Id, request.PartyId, request.Channel, named ? ballot.Id : null));
        else
            participation.Replace(request.Channel, named ? ballot.Id : null);
        if (request.AlsoWrite is not null)
            await request.AlsoWrite(db, ballot, ct);
        await db.SaveChangesAsync(ct);

        await TallyStore.ApplyAsync(db, vote.Id, shard, request.Choice.Contribution(request.AreaHundredths), +1, ct);
        if (replaced is not null)
            await TallyStore.ApplyAsync(db, vote.Id, replaced.Shard,
                BallotChoice.Parse(replaced.ChoiceCode).Contribution(replaced.AreaHundredths), -1, ct);
        return new CastOutcome(vote.Id, receipt, Replayed: false, Replaced: replaced is not null);
    }

    /// <summary>
    /// The ballot a later one replaces. In a named vote the participation row points to it; in a secret vote nothing
    /// does, so the voter proves it is theirs with the earlier ballot's key.
    /// </summary>
    private static async Task<Ballot> FindReplacedAsync(AppDbContext db, CastRequest request, Participation participation,
        CancellationToken ct)
    {
        var vote = request.Vote;
        if (!vote.LastBallotWins && !request.IsCorrection)
            throw AlreadyVoted();
        if (vote.Secrecy == Secrecy.Named)
        {
            if (request.ExpectedReplacedBallotId is { } expected && expected != participation.CurrentBallotId)
                throw new DomainRuleViolation("correction_target_not_current", "要更正的选票已不是该业主当前有效的选票", StatusCodes.Status409Conflict);
            return await db.Ballots.AsNoTracking().SingleAsync(b => b.Id == participation.CurrentBallotId, ct);
        }
        if (request.ReplacesKey is null)
            throw new DomainRuleViolation("replacement_needs_key", "无记名投票改投时须提供原选票的回执密钥", StatusCodes.Status409Conflict);
        var oldKeyHash = BallotKeys.KeyHash(vote.Id, request.ReplacesKey);
        var old = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.VoteId == vote.Id && b.KeyHash == oldKeyHash, ct);
        if (old is null || old.AreaHundredths != request.AreaHundredths
            || await db.Ballots.AnyAsync(b => b.SupersedesBallotId == old.Id, ct))
            throw new DomainRuleViolation("replaced_ballot_not_found", "找不到该业主当前有效的原选票，请核对回执密钥", StatusCodes.Status409Conflict);
        return old;
    }

    /// <summary>The answer already given to this key: the same receipt again, or a refusal when the key was used for another ballot.</summary>
    private static async Task<CastOutcome?> FindReplayAsync(AppDbContext db, CastRequest request, string receipt, string keyHash,
        CancellationToken ct)
    {
        var voteId = request.Vote.Id;
        var same = await db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId && b.KeyHash == keyHash)
            .Select(b => new { b.ReceiptHash, b.OwnerPartyId }).SingleOrDefaultAsync(ct);
        if (same is null)
            return null;
        if (same.ReceiptHash != receipt || (same.OwnerPartyId is { } party && party != request.PartyId))
            throw new DomainRuleViolation("idempotency_key_reused", "该幂等键已用于另一张选票，请为新的选票生成新的键");
        return new CastOutcome(voteId, receipt, Replayed: true, Replaced: false);
    }

    private const string AlreadyVotedCode = "already_voted";

    private static DomainRuleViolation AlreadyVoted() =>
        new(AlreadyVotedCode, "该业主已在本次投票中投票（含纸质票、委托投票），不能重复投票", StatusCodes.Status409Conflict);
}
