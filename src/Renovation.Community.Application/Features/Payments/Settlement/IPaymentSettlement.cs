using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay.Refunds;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// Which path brought WeChat's word that ended a payment (paid, closed or failed). Kept on the payment
/// (<see cref="Payment.SettledVia"/>, so in its audit trail), shown in the payment view and carried by the events.
/// </summary>
public enum SettlementSource
{
    /// <summary>WeChat's notification.</summary>
    Notification = 0,
    /// <summary>The client's status poll (<c>GET /payments/{id}</c>) asked WeChat.</summary>
    ClientQuery = 1,
    /// <summary>A sweep: the payments sweep (silent or expired orders) or a purpose's own sweep expiring its subject.</summary>
    Sweep = 2,
    /// <summary>The daily trade bill (reconciliation healing a payment we never heard about).</summary>
    Reconciliation = 3,
    /// <summary>
    /// Someone gave the order up (the payer's close, a co-payer taking over, a stale order replaced, a committee's cash
    /// confirmation): closed at WeChat, or credited because WeChat answered ORDERPAID.
    /// </summary>
    Close = 4,
}

public enum SettlementOutcome
{
    /// <summary>This call credited the payment (it moved to paid now).</summary>
    Credited = 0,
    /// <summary>Already in that state: nothing changed.</summary>
    AlreadyApplied = 1,
    /// <summary>Unknown order, wrong amount or foreign merchant: an incident was recorded, nothing credited.</summary>
    Incident = 2,
    /// <summary>WeChat's state moves nothing (NOTPAY, USERPAYING …), or CLOSED/PAYERROR closed or failed the order.</summary>
    NoChange = 3,
    Closed = 4,
    Failed = 5,
    /// <summary>A refund moved (accepted, succeeded, closed or abnormal).</summary>
    RefundMoved = 6,
}

/// <summary>
/// The one path by which WeChat's word moves a payment or a refund. Notifications, the client's poll, the sweep and
/// reconciliation all call it; each call is one transaction in which the payment row's concurrency token decides who
/// applies the change, together with the purpose's handler, the outbox events and the audit. Safe to call any number
/// of times, concurrently, with the same facts.
/// </summary>
public interface IPaymentSettlement
{
    /// <summary>Applies a transaction as WeChat reported it (query answer, decrypted notification, or a bill row).</summary>
    Task<SettlementOutcome> ApplyTransactionAsync(PayTransaction transaction, SettlementSource source,
        string? notificationId = null, CancellationToken ct = default);

    /// <summary>Applies a refund's status as WeChat reported it.</summary>
    Task<SettlementOutcome> ApplyRefundAsync(PayRefund refund, SettlementSource source,
        string? notificationId = null, CancellationToken ct = default);
}
