using Renovation.Community.Application.Common.Authorization;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// Who sees a payment: its payer; the committee for owners' money and the serving property company for service money
/// of the community (the purpose's quote decided which); streets and the city within their scope. Anyone else gets 404,
/// co-residents included, so a payment's existence does not leak.
/// </summary>
internal static class PaymentAccess
{
    public static AppProblem NotFound() => AppProblem.NotFound("payment_not_found", "支付单不存在");

    public static Permission ViewPermission(MoneyOwner owner) =>
        owner == MoneyOwner.Owners ? Permission.ViewFundPayments : Permission.ViewServicePayments;

    public static Permission RefundPermission(MoneyOwner owner) =>
        owner == MoneyOwner.Owners ? Permission.RefundFundPayments : Permission.RefundServicePayments;

    public static async Task<Payment> RequireVisibleAsync(Access access, AppDbContext db, Guid id, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        if (payment.PayerUserId == access.UserId)
            return payment;
        var scope = await access.ScopeAsync(ct);
        var place = await access.FindPlaceAsync(payment.CommunityId, ct);
        if (place is null || !scope.Allows(ViewPermission(payment.Owner), place))
            throw NotFound();
        return payment;
    }

    public static async Task<Payment> RequireRefundableAsync(Access access, AppDbContext db, Guid id, CancellationToken ct)
    {
        var payment = await RequireVisibleAsync(access, db, id, ct);
        await access.RequireAsync(payment.CommunityId, RefundPermission(payment.Owner), ct, NotFound);
        return payment;
    }
}
