using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Voting;

/// <summary>
/// A ballot to record for one owner party, whatever the channel. A correction (of a paper entry) replaces the
/// party's ballot whatever the "last ballot wins" setting; <see cref="AlsoWrite"/> joins the caller's own change
/// (confirming the paper entry) to the same transaction.
/// </summary>
public sealed record CastRequest(Vote Vote, Guid PartyId, long AreaHundredths, BallotChoice Choice, string Key,
    BallotChannel Channel, Guid? CastByUserId, string? ReplacesKey, bool IsCorrection = false,
    Guid? ExpectedReplacedBallotId = null, Func<AppDbContext, Ballot, CancellationToken, Task>? AlsoWrite = null);

public sealed record CastOutcome(Guid VoteId, string Receipt, bool Replayed, bool Replaced);

/// <summary>
/// Records ballots. One short transaction per ballot: the participation row (unique per vote and party) is the
/// one-ballot guard, the ballot row is appended, and the running tally moves in one randomly chosen shard. No lock
/// is shared by all ballots of a vote — the hash chain is built after commit by <see cref="BallotChainer"/>.
/// </summary>
public sealed class BallotCaster(AppDbContext db, TimeProvider clock)
{
    public async Task<CastOutcome> CastAsync(CastRequest request, CancellationToken ct)
    {
        var voteId = request.Vote.Id;
        var receipt = BallotKeys.Receipt(voteId, request.Choice.Code, request.AreaHundredths, request.Key);
        var keyHash = BallotKeys.KeyHash(voteId, request.Key);
        // A retried request is recognised by its key colliding on insert (below), not by a look-up before every ballot.
        try
        {
            return await db.InTransactionAsync(innerCt => RecordAsync(request, receipt, keyHash, innerCt), ct);
        }
        catch (Exception e) when (e is DbUpdateException u && UniqueViolation.IsUniqueViolation(u)
                                  || e is DomainRuleViolation { Code: AlreadyVotedCode })
        {
            // A concurrent request won (seen as a duplicate key, or — after MySQL retried a deadlock — as an existing
            // participation): the same request (a retry) gets the same answer, anything else is refused.
            db.ChangeTracker.Clear();
            return await FindReplayAsync(request, receipt, keyHash, ct) ?? throw AlreadyVoted();
        }
    }

    private async Task<CastOutcome> RecordAsync(CastRequest request, string receipt, string keyHash, CancellationToken ct)
    {
        var vote = request.Vote;
        var named = vote.Secrecy == Secrecy.Named;
        // Without "last ballot wins" (and outside corrections) an earlier participation can only mean refusal, which the
        // unique index reports on insert; only replacements need to read it first.
        var mayReplace = vote.LastBallotWins || request.IsCorrection;
        var participation = mayReplace
            ? await db.Participations.SingleOrDefaultAsync(p => p.VoteId == vote.Id && p.OwnerPartyId == request.PartyId, ct)
            : null;
        var replaced = participation is null ? null : await FindReplacedAsync(request, participation, ct);

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
    private async Task<Ballot> FindReplacedAsync(CastRequest request, Participation participation, CancellationToken ct)
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

    private async Task<CastOutcome?> FindReplayAsync(CastRequest request, string receipt, string keyHash, CancellationToken ct)
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
