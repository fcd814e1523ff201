using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// Cash or bank transfer paid outside WeChat, entered by one committee member and confirmed by a different one (like
/// paper ballots). Only the confirmation posts, once: a conditional UPDATE on <see cref="ConfirmedBy"/> IS NULL.
/// </summary>
public sealed class OfflineTopUp : IAudited
{
    private OfflineTopUp() { }

    public OfflineTopUp(Guid shareId, Guid communityId, long amountFen, string note, Guid enteredBy, DateTimeOffset now)
    {
        if (amountFen < 1)
            throw new DomainRuleViolation("fund_amount_invalid", "金额必须大于 0");
        Id = Ids.New();
        ShareId = shareId;
        CommunityId = communityId;
        AmountFen = amountFen;
        Note = note.Trim();
        EnteredBy = enteredBy;
        EnteredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ShareId { get; private set; }
    public Guid CommunityId { get; private set; }
    public long AmountFen { get; private set; }
    public string Note { get; private set; } = "";
    public Guid EnteredBy { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    public Guid? ConfirmedBy { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
}
