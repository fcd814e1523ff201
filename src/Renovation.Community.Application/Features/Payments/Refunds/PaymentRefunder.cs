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
using Renovation.Community.WeChat.Pay.Refunds;
using Renovation.Community.WeChat.Pay;

namespace Renovation.Community.Application.Features.Payments;

/// <param name="OverrideReason">
/// Owners' money only: a committee chair's explicit decision to refund although the purpose would refuse (the fund's
/// <c>fund_balance_spent</c>: the household's balance no longer holds the money). Recorded on the refund (audited).
/// </param>
public sealed record RequestRefundRequest(long AmountFen, string Reason, string? OverrideReason = null) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Range(AmountFen, 1, long.MaxValue, "amountFen", "退款金额必须大于零").Text(Reason, "reason", "退款原因", PaymentRefund.MaxReason);
        if (OverrideReason is not null)
            v.Text(OverrideReason, "overrideReason", "业主委员会决定理由", PaymentRefund.MaxReason);
    }
}

/// <summary>
/// Refunds: reserved under the payment's concurrency token (sum ≤ paid, ≤ 50, both also refused by the database),
/// then sent to WeChat with their fixed out_refund_no until WeChat answers; the answer (PROCESSING = accepted, or a
/// final state) goes through <see cref="PaymentSettlement"/> like a notification would.
/// </summary>
public sealed class PaymentRefunder(AppDbContext db, IServiceProvider services, PaymentSettlement settlement, EventOutbox outbox,
    IPaymentPurposes purposes, TimeProvider clock, IOptions<PaymentsOptions> options, IOptions<WeChatOptions> wechat, ILogger<PaymentRefunder> logger)
{
    private const int MaxReplays = 8;

    public static async Task<Created<RefundView>> RequestAsync(Guid id, RequestRefundRequest request, Access access,
        AppDbContext db, PaymentRefunder refunder, CancellationToken ct)
    {
        var payment = await PaymentAccess.RequireRefundableAsync(access, db, id, ct);
        // Only owners' money has a committee to decide; the chair's permission to refund it was checked just above.
        if (request.OverrideReason is not null && payment.Owner != MoneyOwner.Owners)
            throw new DomainRuleViolation("refund_override_not_applicable", "只有业主共有资金的退款可以由业主委员会决定例外")
                .With("field", "overrideReason");
        var refund = await refunder.ReserveAsync(id, request.AmountFen, request.Reason, RefundOrigin.Manual, access.UserId, ct,
            request.OverrideReason);
        await refunder.SendAsync(refund.Id, ct);
        var sent = await db.PaymentRefunds.AsNoTracking().SingleAsync(r => r.Id == refund.Id, ct);
        return TypedResults.Created($"/api/v1/payments/{id}", RefundView.Of(sent));
    }

    /// <summary>
    /// Reserves a refund and lets the purpose undo its effect (or refuse) in the same transaction; a concurrent change to
    /// the payment or to the purpose's subject makes it re-read and re-check everything.
    /// </summary>
    public async Task<PaymentRefund> ReserveAsync(Guid paymentId, long amountFen, string reason, RefundOrigin origin, Guid? by,
        CancellationToken ct, string? overrideReason = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InTransactionAsync(async c =>
                {
                    var payment = await db.Payments.ForUpdate().SingleOrDefaultAsync(p => p.Id == paymentId, c) ?? throw PaymentAccess.NotFound();
                    var refund = await RefundReservation.ReserveAsync(payment, amountFen, reason, origin, by, null, overrideReason, db,
                        purposes, outbox, clock.GetUtcNow(), c);
                    await db.SaveChangesAsync(c);
                    return refund;
                }, ct);
            }
            catch (DbUpdateException e) when (attempt < MaxReplays && RaceLoser.IsLostRace(e))
            {
                // Another refund, a settlement or a move of the purpose's subject won: check everything again against what
                // is there now.
            }
        }
    }

    /// <summary>
    /// Sends a reserved refund (same out_refund_no every time, so WeChat refunds it once). Failures are recorded and
    /// retried by the sweep after <see cref="PaymentsOptions.RefundRetrySeconds"/>.
    /// </summary>
    public async Task SendAsync(Guid refundId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var refund = await db.PaymentRefunds.AsNoTracking().SingleAsync(r => r.Id == refundId, ct);
        if (refund.State != RefundState.Requested)
            return;
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == refund.PaymentId, ct);
        try
        {
            var answer = await services.GetRequiredService<IWeChatPayClient>().RefundAsync(
                new RefundRequest(payment.OutTradeNo, refund.OutRefundNo, refund.AmountFen, payment.AmountFen)
                {
                    Reason = refund.Reason,
                    NotifyUrl = wechat.Value.Pay.NotifyUrl is { Length: > 0 } url ? url : null,
                }, ct);
            await settlement.ApplyRefundAsync(answer, SettlementSource.Sweep, ct: ct);
        }
        catch (WeChatPayApiException e) when (IsRefusedForGood(e))
        {
            logger.LogWarning("Refund {OutRefundNo} refused by WeChat ({Code}); marked failed", refund.OutRefundNo, e.Code);
            await settlement.ApplyRefundRefusalAsync(refundId, $"{e.Code}: {e.Detail}", ct);
        }
        catch (Exception e) when (e is WeChatPayApiException or WeChatPaySignatureException or HttpRequestException or TimeoutException
                                      or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Refund {OutRefundNo} not answered by WeChat ({Error}); retried later", refund.OutRefundNo, e.Message);
            db.ChangeTracker.Clear();
            var tracked = await db.PaymentRefunds.SingleAsync(r => r.Id == refundId, ct);
            if (tracked.State != RefundState.Requested)
                return;
            tracked.AttemptFailed(e.Message, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.RefundRetrySeconds));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A notification settled it meanwhile.
            }
        }
    }

    /// <summary>
    /// A 4xx that repeating the same request cannot change (PARAM_ERROR, INVALID_REQUEST such as "refund exceeds what
    /// is refundable", NOT_ENOUGH, ORDER_NOT_EXIST …). Signature problems (401), rate limits (429), SYSTEM_ERROR and
    /// 5xx are transient and retried.
    /// </summary>
    internal static bool IsRefusedForGood(WeChatPayApiException e) =>
        (int)e.Status is >= 400 and < 500 and not 401 and not 429
        && e.Code is not (WeChatPayErrorCodes.SystemError or WeChatPayErrorCodes.FrequencyLimited or WeChatPayErrorCodes.SignError);

    /// <summary>Asks WeChat about an accepted refund that stayed silent.</summary>
    public async Task QueryAsync(Guid refundId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var refund = await db.PaymentRefunds.AsNoTracking().SingleAsync(r => r.Id == refundId, ct);
        if (refund.State != RefundState.Processing)
            return;
        try
        {
            var answer = await services.GetRequiredService<IWeChatPayClient>().QueryRefundAsync(refund.OutRefundNo, ct);
            if (answer.Status == RefundStatuses.Processing)
            {
                db.ChangeTracker.Clear();
                var tracked = await db.PaymentRefunds.SingleAsync(r => r.Id == refundId, ct);
                tracked.QueryLater(clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.RefundQueryAfterSeconds));
                await db.SaveChangesAsync(ct);
                return;
            }
            await settlement.ApplyRefundAsync(answer, SettlementSource.Sweep, ct: ct);
        }
        catch (Exception e) when (e is WeChatPayApiException or WeChatPaySignatureException or HttpRequestException or TimeoutException
                                      or DbUpdateConcurrencyException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Refund query for {OutRefundNo} failed ({Error}); retried later", refund.OutRefundNo, e.Message);
        }
    }
}
