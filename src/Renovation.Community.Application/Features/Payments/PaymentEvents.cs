using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>Outbox events to the payer; each is added in the transaction of the move it reports.</summary>
public static class PaymentEvents
{
    public const string AwaitingPayment = "payment.awaiting";
    public const string Paid = "payment.paid";
    /// <summary>Paid, but the subject could not take the money (or the order had been closed): a refund follows.</summary>
    public const string Rejected = "payment.rejected";
    public const string Closed = "payment.closed";
    public const string Failed = "payment.failed";
    public const string RefundRequested = "refund.requested";
    public const string RefundAccepted = "refund.accepted";
    public const string RefundSucceeded = "refund.succeeded";
    public const string RefundClosed = "refund.closed";
    public const string RefundAbnormal = "refund.abnormal";
    /// <summary>WeChat refused the refund for good; its reason is in <c>error</c> and a new refund may be requested.</summary>
    public const string RefundFailed = "refund.failed";

    public static void Emit(EventOutbox outbox, string kind, Payment p) =>
        outbox.Add(kind, Audience.User(p.PayerUserId), new
        {
            paymentId = p.Id,
            p.OutTradeNo,
            p.Purpose,
            p.SubjectId,
            p.AmountFen,
            state = p.State.ToString(),
            reason = p.RejectionReason,
            settledVia = p.SettledVia?.ToString(),
        });

    public static void Emit(EventOutbox outbox, string kind, Payment p, PaymentRefund r) =>
        outbox.Add(kind, Audience.User(p.PayerUserId), new
        {
            paymentId = p.Id,
            refundId = r.Id,
            r.OutRefundNo,
            refundFen = r.AmountFen,
            state = r.State.ToString(),
            reason = r.Reason,
            error = r.State == RefundState.Failed ? r.LastError : null,
        });

    public static string ForRefund(RefundState state) => state switch
    {
        RefundState.Processing => RefundAccepted,
        RefundState.Succeeded => RefundSucceeded,
        RefundState.Closed => RefundClosed,
        RefundState.Abnormal => RefundAbnormal,
        RefundState.Failed => RefundFailed,
        _ => RefundRequested,
    };
}
