using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Api.Common.Authorization;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Common.Events;
using Renovation.Community.Api.Common.Payments;
using Renovation.Community.Api.Common.Validation;
using Renovation.Community.Api.Data;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay;

namespace Renovation.Community.Api.Features.Payments;

public sealed record CreatePaymentRequest(string Purpose, Guid SubjectId) : IValidatable
{
    public void Validate(Validator v) =>
        v.Text(Purpose, "purpose", "支付用途", 64).NotEmpty(SubjectId, "subjectId", "支付对象");
}

/// <summary>
/// Prepay: price from the purpose, our out_trade_no stored first, then the JSAPI order at WeChat. Asking again while
/// an unpaid order of the same payer, purpose, subject and amount still has a valid prepay id returns that one; a
/// prepay that failed half-way is repeated with the same out_trade_no (WeChat answers the same prepay id).
/// </summary>
public static class CreatePayment
{
    public static async Task<Ok<PrepayView>> PrepayAsync(CreatePaymentRequest request, Access access, AppDbContext db,
        IPaymentPurposes purposes, IWeChatPayClient pay, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var payerId = access.UserId;
        var purpose = purposes.Get(request.Purpose);
        var quote = await purpose.QuoteAsync(new PaymentQuoteRequest(request.SubjectId, payerId), db, ct);
        if (quote.AmountFen < 1)
            throw new InvalidOperationException($"Purpose {purpose.Name} quoted {quote.AmountFen} fen.");
        var now = clock.GetUtcNow();

        var open = await db.Payments
            .Where(p => p.Purpose == purpose.Name && p.SubjectId == request.SubjectId && p.PayerUserId == payerId
                        && (p.State == PaymentState.Created || p.State == PaymentState.AwaitingPayment))
            .OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        // Not one about to expire: the payer needs a few seconds in WeChat's cashier.
        var reusable = open.FirstOrDefault(p => p.AmountFen == quote.AmountFen && p.ExpiresAt > now.AddSeconds(15)
                                                && (p.State == PaymentState.Created || p.HasValidPrepay(now)));
        var payment = reusable;
        if (payment is null)
        {
            var openId = await db.Users.Where(u => u.Id == payerId).Select(u => u.OpenId).SingleAsync(ct);
            if (string.IsNullOrEmpty(openId))
                throw new DomainRuleViolation("wechat_openid_missing", "请使用微信登录后再支付");
            payment = new Payment(purpose.Name, request.SubjectId, payerId, openId, quote, purpose.Settings.TimeExpire, now);
            db.Payments.Add(payment);
            // Stored before WeChat hears of it: a crash after the prepay call leaves a number we can query and close.
            await db.SaveChangesAsync(ct);
        }
        if (payment.State == PaymentState.Created)
        {
            var order = await CallWeChatAsync(() => pay.CreateJsapiOrderAsync(
                new JsapiOrderRequest(payment.Description, payment.OutTradeNo, payment.AmountFen, payment.PayerOpenId)
                {
                    TimeExpire = payment.ExpiresAt,
                    Attach = payment.Purpose,
                }, ct));
            payment.PrepayIssued(order.PrepayId, clock.GetUtcNow());
            PaymentEvents.Emit(outbox, PaymentEvents.AwaitingPayment, payment);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A concurrent identical request stored the same prepay id (WeChat dedupes by out_trade_no): use it.
                db.ChangeTracker.Clear();
                payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id, ct);
                if (payment.PrepayId is null)
                    throw;
            }
        }
        return TypedResults.Ok(new PrepayView(PaymentView.Of(payment), pay.BuildRequestPayment(payment.PrepayId!)));
    }

    /// <summary>WeChat's refusals and silence become problems the mini-program can show.</summary>
    internal static async Task<T> CallWeChatAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (WeChatPayApiException e) when ((int)e.Status is >= 400 and < 500)
        {
            throw new AppProblem(StatusCodes.Status502BadGateway, "wechat_pay_refused", "微信支付拒绝了该请求，请稍后再试")
                .With("wechatCode", e.Code);
        }
        catch (Exception e) when (e is WeChatPayApiException or WeChatPaySignatureException or HttpRequestException
                                      or TaskCanceledException or TimeoutException)
        {
            throw new AppProblem(StatusCodes.Status503ServiceUnavailable, "wechat_unavailable", "微信服务暂时不可用，请稍后再试");
        }
    }
}
