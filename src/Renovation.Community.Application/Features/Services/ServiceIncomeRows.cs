using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// The money behind both income views: the accepted <c>service-order</c> payments (amount and refunds, from Payments) of
/// the company's orders, by payment time. Services only says which orders are the company's; what was paid and given
/// back comes from Payments, so a refund made by any path counts once.
/// </summary>
internal static class ServiceIncomeRows
{
    public static async Task<List<PurposePayment>> LoadAsync(AppDbContext db, IPurposeIncome income, Guid companyId,
        Guid? communityId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var orders = db.ServiceOrders.AsNoTracking()
            .Where(o => o.CompanyId == companyId && o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end);
        if (communityId is { } one)
            orders = orders.Where(o => o.CommunityId == one);
        var ids = (await orders.Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var communities = await orders.Select(o => o.CommunityId).Distinct().ToListAsync(ct);
        var payments = await income.AcceptedAsync(ServiceOrderPurpose.PurposeName, communities, start, end, ct);
        return payments.Where(p => ids.Contains(p.SubjectId)).ToList();
    }
}
