using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// The payer gives up their own open order (取消支付): closed at WeChat first, so a co-owner can pay at once or the payer
/// can start again. Money WeChat already took is credited instead, and the answer says so (state Paid).
/// </summary>
public static class ClosePayment
{
    public static async Task<Ok<PaymentView>> CloseAsync(Guid id, Access access, AppDbContext db, OrderClosing closing, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.PayerUserId == access.UserId, ct)
            ?? throw PaymentAccess.NotFound();
        if (!payment.IsOpen)
            throw new DomainRuleViolation("payment_not_open", "该支付单已结束", StatusCodes.Status409Conflict);
        await CreatePayment.CallWeChatAsync(() => closing.CloseOrCreditAsync(payment, SettlementSource.Close, ct));
        db.ChangeTracker.Clear();
        return TypedResults.Ok(PaymentView.Of(await db.Payments.AsNoTracking().SingleAsync(p => p.Id == id, ct)));
    }
}
