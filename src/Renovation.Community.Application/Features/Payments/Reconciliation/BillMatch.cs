using Renovation.Community.Application.Common.Payments;
using Renovation.Community.WeChat.Bills;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>Our side of one bill row: a payment (or the payment of a refund) as we hold it.</summary>
/// <param name="Reference">out_trade_no, or out_refund_no for a refund.</param>
/// <param name="Settled">Paid (payment) or succeeded (refund) with us.</param>
public sealed record OurRecord(Guid PaymentId, string Reference, string OutTradeNo, long AmountFen, bool Settled, string State,
    Guid CommunityId, MoneyOwner Owner, string Purpose)
{
    public ReportKey ReportKey => new(CommunityId, Owner, Purpose);
}

/// <summary>A difference as the matcher found it, before it is stored.</summary>
/// <param name="HealFrom">The bill row to credit from, for <see cref="DiscrepancyKind.PaidAtWeChatNotWithUs"/>.</param>
public sealed record FoundDiscrepancy(
    DiscrepancyKind Kind,
    string Reference,
    string OutTradeNo,
    long? BillLine,
    string? BillState,
    long? BillAmountFen,
    OurRecord? Ours,
    TradeBillRow? HealFrom = null)
{
    public string? OurState => Ours?.State;

    public long? OurAmountFen => Ours?.AmountFen;
}

/// <summary>Whose money a report line is about.</summary>
public sealed record ReportKey(Guid CommunityId, MoneyOwner Owner, string Purpose);

/// <summary>What one bill says against our books.</summary>
public sealed record BillMatchResult(
    long Rows,
    TradeBillSummary Summary,
    IReadOnlyList<FoundDiscrepancy> Discrepancies,
    IReadOnlyDictionary<ReportKey, ReportTotals> Report);
