using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Orders;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// The one way an open order is given up: close it at WeChat first, so nobody can pay it after we recorded it closed;
/// if WeChat answers that it is already paid (ORDERPAID), the money is there, so it is credited instead. There is no
/// moment between asking WeChat and deciding. Used by the sweep (expiry), by payment creation (a stale order, a
/// co-payer taking over) and by the payer's own close.
/// </summary>
public sealed class OrderClosing(IWeChatPayClient pay, PaymentSettlement settlement, IOptions<WeChatOptions> wechat)
{
    /// <summary>Answers true when the order turned out paid and was credited, false when it is closed.</summary>
    public async Task<bool> CloseOrCreditAsync(Payment payment, SettlementSource source, CancellationToken ct)
    {
        try
        {
            await pay.CloseOrderAsync(payment.OutTradeNo, ct);
        }
        catch (WeChatPayApiException e) when (e.Code is WeChatPayErrorCodes.OrderNotExist or WeChatPayErrorCodes.OrderClosed)
        {
            // Nothing to close there.
        }
        catch (WeChatPayApiException e) when (e.Code == WeChatPayErrorCodes.OrderPaid)
        {
            await settlement.ApplyTransactionAsync(await pay.QueryOrderAsync(payment.OutTradeNo, ct), source, ct: ct);
            return true;
        }
        await settlement.ApplyTransactionAsync(new PayTransaction
        {
            // Our own decision, stated in WeChat's terms so it takes the one settlement path.
            AppId = wechat.Value.MiniProgram.AppId,
            MchId = wechat.Value.Pay.MchId,
            OutTradeNo = payment.OutTradeNo,
            TradeState = TradeStates.Closed,
        }, source, ct: ct);
        return false;
    }
}
