using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// <see cref="IPurposeIncome"/> from the payments themselves: <see cref="Payment.RefundedFen"/> is the sum of the refunds
/// not closed or failed, moved under the payment's version with every refund, so it is the refunds' total, whatever path
/// asked for them.
/// </summary>
internal sealed class PurposeIncome(AppDbContext db) : IPurposeIncome
{
    public async Task<IReadOnlyList<PurposePayment>> AcceptedAsync(string purpose, IReadOnlyCollection<Guid> communityIds,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (communityIds.Count == 0)
            return [];
        return await db.Payments.AsNoTracking()
            .Where(p => p.Purpose == purpose && communityIds.Contains(p.CommunityId) && p.State == PaymentState.Paid
                        && p.Acceptance == PaymentAcceptanceState.Accepted && p.PaidAt >= from && p.PaidAt < to)
            .Select(p => new PurposePayment(p.Id, p.SubjectId, p.CommunityId, p.PaidAt!.Value, p.AmountFen, p.RefundedFen))
            .ToListAsync(ct);
    }
}
