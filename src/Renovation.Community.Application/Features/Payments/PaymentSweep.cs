using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// Settles what notifications did not: queries awaiting orders that stayed silent, closes expired ones (at WeChat
/// first, so no payment can start after we gave up), sends reserved refunds (automatic ones included) until WeChat
/// answers, and queries accepted refunds that stayed silent. Everything goes through <see cref="PaymentSettlement"/>,
/// so running it on two nodes, or alongside a notification, still moves each payment once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PaymentSweep(AppDbContext db, IServiceProvider services, PaymentSettlement settlement, PaymentRefunder refunder,
    OrderClosing closing, TimeProvider clock, IOptions<PaymentsOptions> options, ILogger<PaymentSweep> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(context.JobDetail.Key.Name);
        var o = options.Value;
        var now = clock.GetUtcNow();
        var silentSince = now.AddSeconds(-o.SilentAfterSeconds);
        var open = await db.Payments.AsNoTracking()
            .Where(p => (p.State == PaymentState.AwaitingPayment && (p.LastQueriedAt ?? p.UpdatedAt) <= silentSince)
                        || (p.State == PaymentState.Created && p.UpdatedAt <= silentSince)
                        || ((p.State == PaymentState.AwaitingPayment || p.State == PaymentState.Created) && p.ExpiresAt <= now))
            .OrderBy(p => p.ExpiresAt).Take(o.SweepBatchSize).ToListAsync(ct);
        foreach (var payment in open)
            await SettleOrderAsync(payment, now, ct);

        var refunds = await db.PaymentRefunds.AsNoTracking()
            .Where(r => (r.State == RefundState.Requested || r.State == RefundState.Processing) && r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt).Select(r => new { r.Id, r.State }).Take(o.SweepBatchSize).ToListAsync(ct);
        foreach (var refund in refunds)
        {
            if (refund.State == RefundState.Requested)
                await refunder.SendAsync(refund.Id, ct);
            else
                await refunder.QueryAsync(refund.Id, ct);
        }
    }

    private async Task SettleOrderAsync(Payment payment, DateTimeOffset now, CancellationToken ct)
    {
        var pay = services.GetRequiredService<IWeChatPayClient>();
        try
        {
            if (payment.ExpiresAt <= now)
            {
                // Expired: close at WeChat first, or credit what WeChat says it already took (ORDERPAID). No query
                // before it: money could arrive between a query and a close.
                await closing.CloseOrCreditAsync(payment, SettlementSource.Sweep, ct);
                return;
            }
            PayTransaction answer;
            try
            {
                answer = await pay.QueryOrderAsync(payment.OutTradeNo, ct);
            }
            catch (WeChatPayApiException e) when (e.Code == WeChatPayErrorCodes.OrderNotExist && payment.State == PaymentState.Created)
            {
                // The prepay call never reached WeChat: nothing can be paid, close it once it expires.
                answer = new PayTransaction { OutTradeNo = payment.OutTradeNo, TradeState = TradeStates.NotPay };
            }
            if (answer.TradeState != TradeStates.NotPay)
                await settlement.ApplyTransactionAsync(answer, SettlementSource.Sweep, ct: ct);
            else
                await PaymentQueries.TakeQuerySlotAsync(db, payment, clock, new PaymentsOptions { QueryMinIntervalSeconds = 0 }, ct);
        }
        catch (Exception e) when (e is WeChatPayApiException or WeChatPaySignatureException or HttpRequestException or TimeoutException
                                      or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Sweep could not settle {OutTradeNo} ({Error}); next run retries", payment.OutTradeNo, e.Message);
        }
    }
}
