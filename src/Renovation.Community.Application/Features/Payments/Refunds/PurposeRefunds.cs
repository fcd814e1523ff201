using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// <see cref="IPaymentRefunds"/> on top of <see cref="Payment.RequestRefund"/> and <see cref="PaymentRefunder"/>: the
/// refund is reserved in the caller's unit of work under the payment's concurrency token (caps included) and with its
/// key unique per payment, so it commits exactly once with the caller's change.
/// </summary>
internal sealed class PurposeRefunds(PaymentRefunder refunder, IPaymentPurposes purposes, TimeProvider clock, IOptions<JsonOptions> json)
    : IPaymentRefunds
{
    public async Task<Guid?> ReserveAsync(string purpose, Guid subjectId, long amountFen, string reason, string key,
        AppDbContext db, CancellationToken ct)
    {
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Purpose == purpose && p.SubjectId == subjectId
            && p.State == PaymentState.Paid && p.Acceptance == PaymentAcceptanceState.Accepted, ct);
        if (payment is null)
            return null;
        var earlier = await db.PaymentRefunds.AsNoTracking()
            .Where(r => r.PaymentId == payment.Id && r.SubjectKey == key).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (earlier is not null)
            return earlier;
        // Staff may already have refunded part by hand: the purpose's refund gives back at most what is left.
        var amount = Math.Min(amountFen, payment.RefundableFen);
        if (amount < 1)
            return null;
        var refund = await RefundReservation.ReserveAsync(payment, amount, reason, RefundOrigin.Automatic, null, key, null, db,
            purposes, new EventOutbox(db, clock, json), clock.GetUtcNow(), ct);
        return refund.Id;
    }

    public Task SendAsync(Guid refundId, CancellationToken ct) => refunder.SendAsync(refundId, ct);
}
