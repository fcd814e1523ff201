using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

public sealed record EnterPaperBallotRequest(Guid PartyId, Choice? Choice, IReadOnlyList<Guid>? CandidateIds, Guid? CorrectsEntryId)
    : IValidatable
{
    public void Validate(Validator v)
    {
        v.NotEmpty(PartyId, "partyId", "业主");
        if (Choice is { } c && !Enum.IsDefined(c))
            v.Add("choice", "请选择同意、反对或弃权");
    }
}

/// <summary><c>replacesReceiptCode</c>: in a secret vote, the receipt code of the ballot this one replaces or corrects.</summary>
public sealed record ConfirmPaperBallotRequest(Choice? Choice, IReadOnlyList<Guid>? CandidateIds, string? ReplacesReceiptCode)
    : IValidatable
{
    public void Validate(Validator v)
    {
        if (Choice is { } c && !Enum.IsDefined(c))
            v.Add("choice", "请选择同意、反对或弃权");
        if (ReplacesReceiptCode is not null && !BallotKeys.IsValidKey(ReplacesReceiptCode))
            v.Add("replacesReceiptCode", "回执码格式不正确");
    }
}

public sealed record PaperEntryView(Guid Id, Guid VoteId, Guid PartyId, string? PendingChoice, PaperEntryStatus Status,
    Guid EnteredBy, DateTimeOffset EnteredAt, Guid? ConfirmedBy, DateTimeOffset? ConfirmedAt, Guid? CorrectsEntryId)
{
    public static PaperEntryView From(PaperBallotEntry e) => new(e.Id, e.VoteId, e.OwnerPartyId, e.PendingChoiceCode, e.Status,
        e.EnteredBy, e.EnteredAt, e.ConfirmedBy, e.ConfirmedAt, e.CorrectsEntryId);
}

/// <summary>The receipt code is the paper ballot's key: write it on the paper so the owner can check the ballot.</summary>
public sealed record PaperReceipt(Guid EntryId, string Receipt, string ReceiptCode, bool Replaced);

/// <summary>
/// Paper ballots: one committee member enters, a second confirms by entering the same ballot again; only then does
/// it count. Corrections are new entries naming the entry they correct.
/// </summary>
public static class PaperBallots
{
    public static async Task<Created<PaperEntryView>> EnterAsync(Guid voteId, EnterPaperBallotRequest request, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var vote = await VotingAccess.FindVisibleAsync(db, access, voteId, ct, Permission.EnterPaperBallots);
        vote.EnsureAcceptingBallots(clock.GetUtcNow());
        var choice = BallotChoice.For(vote, request.Choice, request.CandidateIds);
        await VotingAccess.RollEntryAsync(db, voteId, request.PartyId, ct);
        if (request.CorrectsEntryId is { } corrected)
        {
            var target = await db.PaperBallotEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == corrected && e.VoteId == voteId, ct)
                ?? throw AppProblem.NotFound("paper_entry_not_found", "要更正的纸质选票录入记录不存在");
            if (target.Status != PaperEntryStatus.Confirmed || target.OwnerPartyId != request.PartyId)
                throw new DomainRuleViolation("correction_target_invalid", "只能更正同一业主已确认的纸质选票");
            if (await db.PaperBallotEntries.AnyAsync(e => e.CorrectsEntryId == corrected, ct))
                throw AppProblem.Conflict("correction_exists", "该记录已有更正，请更正最新的记录");
        }
        else if (!vote.LastBallotWins && await db.Participations.AnyAsync(p => p.VoteId == voteId && p.OwnerPartyId == request.PartyId, ct))
        {
            throw new DomainRuleViolation("already_voted", "该业主已在本次投票中投票（含线上、委托），不能再录入纸质票", StatusCodes.Status409Conflict);
        }
        var entry = new PaperBallotEntry(voteId, request.PartyId, choice.Code, access.UserId, request.CorrectsEntryId, clock.GetUtcNow());
        db.PaperBallotEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/paper-ballots/{entry.Id}", PaperEntryView.From(entry));
    }

    public static async Task<Ok<PaperReceipt>> ConfirmAsync(Guid entryId, ConfirmPaperBallotRequest request, Access access,
        AppDbContext db, BallotBox box, TimeProvider clock, CancellationToken ct)
    {
        var pending = await db.PaperBallotEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, ct)
            ?? throw AppProblem.NotFound("paper_entry_not_found", "纸质选票录入记录不存在");
        var vote = await VotingAccess.FindVisibleAsync(db, access, pending.VoteId, ct, Permission.EnterPaperBallots);
        vote.EnsureAcceptingBallots(clock.GetUtcNow());
        var choice = BallotChoice.For(vote, request.Choice, request.CandidateIds);
        // Check the second reading before any ballot is written.
        if (pending.Status != PaperEntryStatus.Pending)
            throw AlreadyConfirmed();
        if (pending.EnteredBy == access.UserId)
            throw new DomainRuleViolation("paper_entry_same_member", "录入人不能自己确认，须由另一名委员核对");
        if (pending.PendingChoiceCode != choice.Code)
            throw new DomainRuleViolation("paper_entry_mismatch", "两次录入的选择不一致，请核对纸质选票", StatusCodes.Status409Conflict);

        var party = await VotingAccess.RollEntryAsync(db, vote.Id, pending.OwnerPartyId, ct);
        Guid? correctedBallot = pending.CorrectsEntryId is { } corrected
            ? await db.PaperBallotEntries.Where(e => e.Id == corrected).Select(e => e.BallotId).SingleAsync(ct)
            : null;
        var key = BallotKeys.NewPaperKey();
        var confirmer = access.UserId;
        // The entry is confirmed in the ballot's own transaction: a ballot never counts without its confirmed entry.
        // A simultaneous confirmation of the same entry loses at the ballot's unique participation; its answer is the
        // one it would get one at a time.
        var outcome = await AnswerLostConfirmationAsync(db, entryId, () => box.CastAsync(new CastRequest(vote, party.OwnerPartyId, party.AreaHundredths, choice, key,
            BallotChannel.Paper, confirmer, request.ReplacesReceiptCode,
            IsCorrection: pending.CorrectsEntryId is not null,
            ExpectedReplacedBallotId: correctedBallot,
            AlsoWrite: async (tx, ballot, innerCt) =>
            {
                var entry = await tx.PaperBallotEntries.SingleAsync(e => e.Id == entryId, innerCt);
                entry.Confirm(confirmer, choice.Code, vote.Secrecy, vote.Secrecy == Secrecy.Named ? ballot.Id : null, clock.GetUtcNow());
            })), ct);
        return TypedResults.Ok(new PaperReceipt(entryId, outcome.Receipt, key, outcome.Replaced));
    }

    private static DomainRuleViolation AlreadyConfirmed() =>
        new("paper_entry_already_confirmed", "该纸质选票已确认", StatusCodes.Status409Conflict);

    private static async Task<T> AnswerLostConfirmationAsync<T>(AppDbContext db, Guid entryId, Func<Task<T>> cast, CancellationToken ct)
    {
        try
        {
            return await cast();
        }
        catch (AppProblem problem) when (problem.Code == "already_voted")
        {
            if (await db.PaperBallotEntries.AsNoTracking().AnyAsync(e => e.Id == entryId && e.Status != PaperEntryStatus.Pending, ct))
                throw AlreadyConfirmed();
            throw;
        }
    }

    public static async Task<Ok<Page<PaperEntryView>>> ListAsync(Guid voteId, PaperEntryStatus? status, [AsParameters] PageRequest page,
        Access access, AppDbContext db, CancellationToken ct)
    {
        await VotingAccess.FindVisibleAsync(db, access, voteId, ct, Permission.EnterPaperBallots);
        var query = db.PaperBallotEntries.AsNoTracking().Where(e => e.VoteId == voteId);
        if (status is not null)
            query = query.Where(e => e.Status == status);
        var result = await query.OrderBy(e => e.EnteredAt).ToPageAsync(page, ct);
        return TypedResults.Ok(new Page<PaperEntryView>(result.Items.Select(PaperEntryView.From).ToList(), result.PageNumber,
            result.PageSize, result.Total));
    }
}
