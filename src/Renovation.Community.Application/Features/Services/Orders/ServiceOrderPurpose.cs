using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// Paying for a service order (<c>service-order</c>; the subject is the order id). Only its resident may pay, only while
/// it is unpaid and within its hold time; the WeChat order expires with the hold (the quote's deadline). Money is
/// judged by when WeChat took it (success_time), not when we heard: paid within the hold, it is honoured however late
/// the notification. Money paid after the hold (or after the order was cancelled) is rejected, and Payments refunds it
/// automatically; an order that is unpaid past its hold is expired right here, in the credit's transaction, with its
/// seat given back.
/// </summary>
internal sealed class ServiceOrderPurpose(IOptions<ServicesOptions> options, TimeProvider clock, EventOutbox outbox) : IPaymentPurpose
{
    public const string PurposeName = "service-order";

    public string Name => PurposeName;

    public PaymentPurposeSettings Settings => new(TimeSpan.FromSeconds(options.Value.HoldSeconds));

    public async Task<PaymentQuote> QuoteAsync(PaymentQuoteRequest request, AppDbContext db, CancellationToken ct)
    {
        var order = await db.ServiceOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.SubjectId, ct);
        if (order is null || order.ResidentUserId != request.PayerUserId)
            throw ServiceAccess.OrderNotFound();
        if (!order.IsPayable(clock.GetUtcNow()))
            throw new DomainRuleViolation("order_not_payable", "订单已支付、已取消或已超时，不能支付").With("state", order.State.ToString());
        var description = $"{order.ItemTitle} ×{order.Quantity}";
        return new PaymentQuote(order.AmountFen, description, order.CommunityId, MoneyOwner.PropertyCompany, order.ExpiresAt);
    }

    public async Task<PaymentAcceptance> OnPaidAsync(PaidPayment payment, AppDbContext db, CancellationToken ct)
    {
        var order = await db.ServiceOrders.SingleOrDefaultAsync(o => o.Id == payment.SubjectId, ct);
        if (order is null)
            return PaymentAcceptance.Rejected("服务订单不存在，款项将原路退回");
        var now = clock.GetUtcNow();
        // Judged by when WeChat took the money: the seat is still held while the order is unpaid (the sweep closes the
        // WeChat order before it expires one), so money paid within the hold is honoured however late the news is.
        if (order.State == ServiceOrderState.Created && !order.IsPayable(payment.PaidAt))
        {
            order.Expire(now);
            if (order.ReleaseSeat() is { } slotId)
                await SlotSeats.ReleaseAsync(db, slotId, ct);
            ServiceEvents.Emit(outbox, ServiceEvents.Expired, order);
        }
        if (order.State != ServiceOrderState.Created || order.AmountFen != payment.AmountFen)
            return PaymentAcceptance.Rejected(order.State switch
            {
                ServiceOrderState.Expired => "订单已超时关闭，款项将原路退回",
                ServiceOrderState.Cancelled => "订单已取消，款项将原路退回",
                _ => "订单已支付，重复的款项将原路退回",
            });
        order.MarkPaid(payment.PaymentId, payment.PaidAt, now);
        ServiceEvents.Emit(outbox, ServiceEvents.Paid, order);
        return PaymentAcceptance.Accepted;
    }

    /// <summary>
    /// Every refund of the order's payment, whoever asked, lands here before WeChat is asked. The order's version is part
    /// of the refund's save, so a full refund racing "accept" or "start" is ordered by the database: either the order
    /// is refunded first (the move then gets 409) or it moved first (and the refund ends it now).
    /// </summary>
    public async Task OnRefundingAsync(RefundingPayment refund, AppDbContext db, CancellationToken ct)
    {
        var order = await db.ServiceOrders.SingleOrDefaultAsync(o => o.Id == refund.SubjectId, ct);
        if (order is null)
            return;
        var before = order.State;
        order.Refunding(refund.RefundFen, clock.GetUtcNow());
        if (order.State == ServiceOrderState.Refunded && before != ServiceOrderState.Refunded)
        {
            if (order.ReleaseSeat() is { } slotId)
                await SlotSeats.ReleaseAsync(db, slotId, ct);
            ServiceEvents.Emit(outbox, ServiceEvents.Refunded, order);
        }
    }

    public async Task OnRefundReleasedAsync(RefundingPayment refund, AppDbContext db, CancellationToken ct)
    {
        var order = await db.ServiceOrders.SingleOrDefaultAsync(o => o.Id == refund.SubjectId, ct);
        order?.RefundReleased(refund.RefundFen, clock.GetUtcNow());
    }
}
