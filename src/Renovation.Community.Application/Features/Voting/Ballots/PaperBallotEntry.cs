using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Voting;

public enum PaperEntryStatus
{
    Pending = 0,
    Confirmed = 1,
}

/// <summary>
/// A paper ballot as entered by one committee member; it counts only after a second member, entering the same
/// ballot independently, confirms it. Entries are never edited: a correction is a new entry naming the one it
/// corrects. In a secret vote the pending choice is erased when the entry is confirmed and the entry keeps no link
/// to the ballot, so afterwards only the paper itself shows who chose what.
/// </summary>
public sealed class PaperBallotEntry
{
    private PaperBallotEntry() { }

    public PaperBallotEntry(Guid voteId, Guid ownerPartyId, string choiceCode, Guid enteredBy, Guid? correctsEntryId,
        DateTimeOffset now)
    {
        Id = Ids.New();
        VoteId = voteId;
        OwnerPartyId = ownerPartyId;
        PendingChoiceCode = choiceCode;
        EnteredBy = enteredBy;
        EnteredAt = now;
        CorrectsEntryId = correctsEntryId;
    }

    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    /// <summary>The first member's reading of the ballot, until confirmed (kept for named votes).</summary>
    public string? PendingChoiceCode { get; private set; }
    public Guid EnteredBy { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    public Guid? CorrectsEntryId { get; private set; }
    public PaperEntryStatus Status { get; private set; }
    public Guid? ConfirmedBy { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    /// <summary>Named votes only: the ballot this entry produced.</summary>
    public Guid? BallotId { get; private set; }

    /// <summary>The second member's independent reading must match the first; the same member cannot confirm.</summary>
    public void Confirm(Guid by, string choiceCode, Secrecy secrecy, Guid? ballotId, DateTimeOffset now)
    {
        if (Status != PaperEntryStatus.Pending)
            throw new DomainRuleViolation("paper_entry_already_confirmed", "该纸质选票已确认", StatusCodes.Status409Conflict);
        if (by == EnteredBy)
            throw new DomainRuleViolation("paper_entry_same_member", "录入人不能自己确认，须由另一名委员核对");
        if (choiceCode != PendingChoiceCode)
            throw new DomainRuleViolation("paper_entry_mismatch", "两次录入的选择不一致，请核对纸质选票", StatusCodes.Status409Conflict);
        Status = PaperEntryStatus.Confirmed;
        ConfirmedBy = by;
        ConfirmedAt = now;
        if (secrecy == Secrecy.Secret)
            PendingChoiceCode = null;
        else
            BallotId = ballotId;
    }
}
