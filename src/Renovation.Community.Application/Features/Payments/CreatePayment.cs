using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay;

namespace Renovation.Community.Application.Features.Payments;

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
        IPaymentPurposes purposes, IWeChatPayClient pay, PaymentSettlement settlement, IOptions<WeChatOptions> wechat,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var payerId = access.UserId;
        var purpose = purposes.Get(request.Purpose);
        var quote = await purpose.QuoteAsync(new PaymentQuoteRequest(request.SubjectId, payerId), db, ct);
        if (quote.AmountFen < 1)
            throw new InvalidOperationException($"Purpose {purpose.Name} quoted {quote.AmountFen} fen.");
        var payment = await FindOrCreateOpenAsync(request, purpose, quote, payerId, db, pay, settlement, wechat.Value, clock, ct);
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

    private const int MaxAttempts = 4;

    /// <summary>
    /// The payer's one open payment for this subject, made if there is none. The database holds at most one (unique
    /// index over <see cref="Payment.OpenKey"/>): of identical requests racing, one insert wins and the others read
    /// the winner's row, so every one of them answers with the same payment and prepay. An open payment that cannot
    /// be offered again (price changed, about to expire) is closed first, at WeChat and then here.
    /// </summary>
    private static async Task<Payment> FindOrCreateOpenAsync(CreatePaymentRequest request, IPaymentPurpose purpose,
        PaymentQuote quote, Guid payerId, AppDbContext db, IWeChatPayClient pay, PaymentSettlement settlement,
        WeChatOptions wechat, TimeProvider clock, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var open = await db.Payments.SingleOrDefaultAsync(p => p.Purpose == purpose.Name && p.SubjectId == request.SubjectId
                && p.PayerUserId == payerId && p.OpenKey == Payment.OpenMarker, ct);
            // Not one about to expire: the payer needs a few seconds in WeChat's cashier.
            if (open is not null && open.AmountFen == quote.AmountFen && open.ExpiresAt > now.AddSeconds(15)
                && (open.State == PaymentState.Created || open.HasValidPrepay(now)))
                return open;
            if (attempt > MaxAttempts)
                throw new AppProblem(StatusCodes.Status409Conflict, "payment_busy", "该订单正在处理中，请稍后再试");
            if (open is not null)
            {
                await CloseStaleAsync(open, pay, settlement, wechat, ct);
                continue;
            }
            var openId = await db.Users.Where(u => u.Id == payerId).Select(u => u.OpenId).SingleAsync(ct);
            if (string.IsNullOrEmpty(openId))
                throw new DomainRuleViolation("wechat_openid_missing", "请使用微信登录后再支付");
            var payment = new Payment(purpose.Name, request.SubjectId, payerId, openId, quote, purpose.Settings.TimeExpire, now);
            db.Payments.Add(payment);
            try
            {
                // Stored before WeChat hears of it: a crash after the prepay call leaves a number we can query and close.
                await db.SaveChangesAsync(ct);
                return payment;
            }
            catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
            {
                // An identical request inserted first: read its payment and answer with it.
            }
        }
    }

    /// <summary>Closes an open payment that cannot be offered again, at WeChat first so nobody can still pay it.</summary>
    private static Task CloseStaleAsync(Payment stale, IWeChatPayClient pay, PaymentSettlement settlement,
        WeChatOptions wechat, CancellationToken ct) => CallWeChatAsync(async () =>
    {
        try
        {
            await pay.CloseOrderAsync(stale.OutTradeNo, ct);
        }
        catch (WeChatPayApiException e) when (e.Code is WeChatPayErrorCodes.OrderNotExist or WeChatPayErrorCodes.OrderClosed)
        {
            // Nothing to close there.
        }
        catch (WeChatPayApiException e) when (e.Code == WeChatPayErrorCodes.OrderPaid)
        {
            // Paid at the last moment: credit it; the purpose decides whether a second payment is wanted.
            return await settlement.ApplyTransactionAsync(await pay.QueryOrderAsync(stale.OutTradeNo, ct), SettlementSource.ClientQuery, ct: ct);
        }
        return await settlement.ApplyTransactionAsync(new PayTransaction
        {
            // Our own decision, stated in WeChat's terms so it takes the one settlement path.
            AppId = wechat.MiniProgram.AppId,
            MchId = wechat.Pay.MchId,
            OutTradeNo = stale.OutTradeNo,
            TradeState = TradeStates.Closed,
        }, SettlementSource.ClientQuery, ct: ct);
    });

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
