using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// The one way a refund is reserved, whoever asks (staff, a purpose, a finance officer): the payment's caps
/// (<see cref="Payment.RequestRefund"/>), the refund row, its event, and, for an accepted payment, the purpose's
/// <see cref="IPaymentPurpose.OnRefundingAsync"/>, all in the caller's unit of work. So every purpose hears of every
/// refund before WeChat is asked, and a purpose's refusal leaves nothing reserved. The caller saves (and replays on a
/// concurrency conflict, which re-reads the payment and the purpose's subject).
/// </summary>
internal static class RefundReservation
{
    public static async Task<PaymentRefund> ReserveAsync(Payment payment, long amountFen, string reason, RefundOrigin origin,
        Guid? by, string? subjectKey, string? overrideReason, AppDbContext db, IPaymentPurposes purposes, EventOutbox outbox,
        DateTimeOffset now, CancellationToken ct)
    {
        var refund = payment.RequestRefund(amountFen, reason, origin, by, now, subjectKey, overrideReason);
        db.PaymentRefunds.Add(refund);
        if (payment.Acceptance == PaymentAcceptanceState.Accepted && purposes.TryGet(payment.Purpose, out var purpose))
            await purpose.OnRefundingAsync(Describe(payment, refund, now), db, ct);
        PaymentEvents.Emit(outbox, PaymentEvents.RefundRequested, payment, refund);
        return refund;
    }

    /// <summary>A refund that moved no money (closed, or refused for good) gives the purpose its effect back.</summary>
    public static async Task ReleasedAsync(Payment payment, PaymentRefund refund, AppDbContext db, IPaymentPurposes purposes,
        DateTimeOffset now, CancellationToken ct)
    {
        if (payment.Acceptance == PaymentAcceptanceState.Accepted && purposes.TryGet(payment.Purpose, out var purpose))
            await purpose.OnRefundReleasedAsync(Describe(payment, refund, now), db, ct);
    }

    private static RefundingPayment Describe(Payment payment, PaymentRefund refund, DateTimeOffset now) => new(payment.Id, refund.Id,
        payment.Purpose, payment.SubjectId, payment.PayerUserId, payment.CommunityId, payment.AmountFen, refund.AmountFen,
        payment.RefundedFen, refund.RequestedBy, refund.OverrideReason, now);
}
