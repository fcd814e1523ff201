using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay;

namespace Renovation.Community.Application.Features.Payments;

/// <param name="TakeOver">
/// "由我支付": another payer's order for the same subject is open (a co-owner started paying); close it at WeChat and
/// pay yourself. Without it such a request is answered 409 <c>payment_in_progress</c> naming who pays until when.
/// </param>
public sealed record CreatePaymentRequest(string Purpose, Guid SubjectId, bool? TakeOver = null) : IValidatable
{
    public void Validate(Validator v) =>
        v.Text(Purpose, "purpose", "支付用途", 64).NotEmpty(SubjectId, "subjectId", "支付对象");
}

/// <summary>
/// Prepay: price from the purpose, our out_trade_no stored first, then the JSAPI order at WeChat. A subject (a share,
/// an order) has at most one open payment, whoever pays: asking again while one's own unpaid order of the same amount
/// still has a valid prepay id returns that one; a prepay that failed half-way is repeated with the same out_trade_no
/// (WeChat answers the same prepay id); another payer's open order is refused or, asked for, taken over.
/// </summary>
public static class CreatePayment
{
    public static async Task<Ok<PrepayView>> PrepayAsync(CreatePaymentRequest request, Access access, AppDbContext db,
        IPaymentPurposes purposes, IWeChatPayClient pay, OrderClosing closing, EventOutbox outbox, TimeProvider clock,
        CancellationToken ct)
    {
        var payment = await FindOrCreateOpenAsync(request, purposes.Get(request.Purpose), access.UserId, db, closing, clock, ct);
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
    /// The subject's one open payment, made for this payer if there is none. The database holds at most one per
    /// purpose and subject (unique index over <see cref="Payment.OpenKey"/>): of requests racing, one insert wins and
    /// the others read the winner's row. The payer's own open payment that cannot be offered again (price changed,
    /// about to expire) is given up first, and so is another payer's when the caller takes over; both through
    /// <see cref="OrderClosing"/>, which credits instead of closing what WeChat says is paid. The price is asked again
    /// on every attempt, so money that arrived meanwhile is never asked for twice.
    /// </summary>
    private static async Task<Payment> FindOrCreateOpenAsync(CreatePaymentRequest request, IPaymentPurpose purpose, Guid payerId,
        AppDbContext db, OrderClosing closing, TimeProvider clock, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var quote = await purpose.QuoteAsync(new PaymentQuoteRequest(request.SubjectId, payerId), db, ct);
            if (quote.AmountFen < 1)
                throw new InvalidOperationException($"Purpose {purpose.Name} quoted {quote.AmountFen} fen.");
            var now = clock.GetUtcNow();
            var open = await db.Payments.SingleOrDefaultAsync(p => p.Purpose == purpose.Name && p.SubjectId == request.SubjectId
                && p.OpenKey == Payment.OpenMarker, ct);
            // Not one about to expire: the payer needs a few seconds in WeChat's cashier.
            if (open is not null && open.PayerUserId == payerId && open.AmountFen == quote.AmountFen && open.ExpiresAt > now.AddSeconds(15)
                && (open.State == PaymentState.Created || open.HasValidPrepay(now)))
                return open;
            if (open is not null && open.PayerUserId != payerId && request.TakeOver != true)
                throw await PaidByAnotherAsync(open, db, ct);
            if (attempt > MaxAttempts)
                throw new AppProblem(StatusCodes.Status409Conflict, "payment_busy", "该订单正在处理中，请稍后再试");
            if (open is not null)
            {
                await CallWeChatAsync(() => closing.CloseOrCreditAsync(open, SettlementSource.Close, ct));
                continue;
            }
            var openId = await db.Users.Where(u => u.Id == payerId).Select(u => u.OpenId).SingleAsync(ct);
            if (string.IsNullOrEmpty(openId))
                throw new DomainRuleViolation("wechat_openid_missing", "请使用微信登录后再支付");
            var payment = new Payment(purpose.Name, request.SubjectId, payerId, openId, quote,
                PrepayExpiry.For(quote, purpose.Settings, now), now);
            db.Payments.Add(payment);
            try
            {
                // Stored before WeChat hears of it: a crash after the prepay call leaves a number we can query and close.
                await db.SaveChangesAsync(ct);
                return payment;
            }
            catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
            {
                // Another request inserted first: read its payment and answer with it (or say who pays).
            }
        }
    }

    private static async Task<AppProblem> PaidByAnotherAsync(Payment open, AppDbContext db, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == open.PayerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var payer = string.IsNullOrWhiteSpace(name) ? "另一位业主" : name;
        var until = open.ExpiresAt.ToChina();
        return AppProblem.Conflict("payment_in_progress",
                $"{payer}正在支付这笔费用，其订单在 {until:M月d日 HH:mm} 前有效。请等待对方完成，或选择“由我支付”关闭对方的订单后自己支付。")
            .With("payerName", payer).With("payingUntil", until);
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
