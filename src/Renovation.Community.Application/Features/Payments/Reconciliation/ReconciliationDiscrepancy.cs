using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>
/// One difference found by the daily reconciliation (对账差错). At most one per bill day, kind and order/refund number
/// (a unique index), which is what makes re-running a day change nothing.
/// </summary>
public sealed class ReconciliationDiscrepancy : IAudited
{
    public const int MaxNote = 500;

    private ReconciliationDiscrepancy() { }

    public ReconciliationDiscrepancy(DateOnly billDate, FoundDiscrepancy found, DateTimeOffset now)
    {
        Id = Ids.New();
        BillDate = billDate;
        Kind = found.Kind;
        Reference = found.Reference;
        OutTradeNo = found.OutTradeNo;
        BillLine = found.BillLine;
        BillState = found.BillState;
        BillAmountFen = found.BillAmountFen;
        OurState = found.OurState;
        OurAmountFen = found.OurAmountFen;
        PaymentId = found.Ours?.PaymentId;
        CommunityId = found.Ours?.CommunityId;
        Owner = found.Ours?.Owner;
        Purpose = found.Ours?.Purpose;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public DateOnly BillDate { get; private set; }
    public DiscrepancyKind Kind { get; private set; }
    /// <summary>The out_trade_no, or the out_refund_no for refund rows.</summary>
    public string Reference { get; private set; } = "";
    public string OutTradeNo { get; private set; } = "";
    /// <summary>1-based line of the bill file (null when the bill has no row for it).</summary>
    public long? BillLine { get; private set; }
    public string? BillState { get; private set; }
    public long? BillAmountFen { get; private set; }
    public string? OurState { get; private set; }
    public long? OurAmountFen { get; private set; }
    /// <summary>Null when the bill names an order we never created.</summary>
    public Guid? PaymentId { get; private set; }
    public Guid? CommunityId { get; private set; }
    public MoneyOwner? Owner { get; private set; }
    public string? Purpose { get; private set; }
    /// <summary>The settlement path credited the order from the bill row (kind <see cref="DiscrepancyKind.PaidAtWeChatNotWithUs"/>).</summary>
    public bool Healed { get; private set; }
    public DateTimeOffset? HealedAt { get; private set; }
    public DiscrepancyState State { get; private set; }
    public string? Note { get; private set; }
    public Guid? NotedBy { get; private set; }
    public DateTimeOffset? NotedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void MarkHealed(DateTimeOffset now)
    {
        Healed = true;
        HealedAt = now;
    }

    /// <summary>A finance officer explains (not a loss) or resolves (settled) it; a resolved one is final.</summary>
    public void Settle(DiscrepancyState state, string note, Guid by, DateTimeOffset now)
    {
        if (state == DiscrepancyState.Open)
            throw new DomainRuleViolation("discrepancy_state_invalid", "只能说明或解决差错");
        if (State == DiscrepancyState.Resolved)
            throw new DomainRuleViolation("discrepancy_already_resolved", "该差错已解决，不能再修改", StatusCodes.Status409Conflict);
        State = state;
        Note = note.Trim();
        NotedBy = by;
        NotedAt = now;
    }
}
