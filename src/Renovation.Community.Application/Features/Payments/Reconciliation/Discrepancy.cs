namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>What differs between WeChat Pay's trade bill (对账单) and our records for one order or refund.</summary>
public enum DiscrepancyKind
{
    /// <summary>The bill has a SUCCESS row; we have the order unpaid (or not at all). Healed through the settlement path.</summary>
    PaidAtWeChatNotWithUs = 1,
    /// <summary>We credited the order on that day; the bill has no row for it.</summary>
    PaidWithUsMissingFromBill = 2,
    /// <summary>Both have it paid, with different amounts.</summary>
    AmountMismatch = 3,
    /// <summary>The bill's 交易状态 contradicts ours (e.g. REVOKED for an order we credited).</summary>
    StateMismatch = 4,
    /// <summary>A refund row we do not have as succeeded (or at another amount), or our succeeded refund missing from the bill.</summary>
    RefundMismatch = 5,
    /// <summary>The same order or refund appears on more than one line of the bill.</summary>
    DuplicateRow = 6,
}

public enum DiscrepancyState
{
    Open = 0,
    /// <summary>A finance officer wrote why it is not a loss (e.g. paid just before midnight, on the next bill).</summary>
    Explained = 1,
    /// <summary>Settled: corrected with WeChat Pay or in our records; the note says how.</summary>
    Resolved = 2,
}
