using System.Globalization;
using System.Text;

namespace Renovation.Community.WeChatSimulator.Pay;

/// <summary>Writes an ALL-layout trade bill from the order book, the way WeChat Pay formats it.</summary>
public static class TradeBillWriter
{
    public const string DetailHeader =
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额," +
        "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    public const string SummaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>null when there is nothing for that day (WeChat answers NO_STATEMENT_EXIST).</summary>
    internal static byte[]? Write(SimulatorState state, DateOnly date, string billType)
    {
        var writer = new BillBuilder();
        var faults = state.BillFaults.Take();
        lock (state.Orders.Gate)
        {
            foreach (var order in state.Orders.Orders)
            {
                if (billType is "ALL" or "SUCCESS" && order.SuccessTime is { } paidAt && DateOnly.FromDateTime(paidAt.ToOffset(China).DateTime) == date)
                {
                    for (var copy = 0; copy < faults.Copies(order.OutTradeNo); copy++)
                    {
                        writer.Success(order, paidAt, faults);
                    }
                }
                foreach (var refund in order.Refunds)
                {
                    if (billType is "ALL" or "REFUND" && refund.SuccessTime is { } refundedAt && DateOnly.FromDateTime(refundedAt.ToOffset(China).DateTime) == date)
                    {
                        for (var copy = 0; copy < faults.Copies(refund.OutRefundNo); copy++)
                        {
                            writer.Refund(refund, refundedAt, faults);
                        }
                    }
                }
            }
        }
        foreach (var extra in faults.Extra.Where(e => e.BillDate == date && billType is "ALL" or "SUCCESS"))
        {
            var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), China);
            writer.Append(at, state.Options.AppId, state.Options.MchId, "4200009999" + (extra.OutTradeNo.GetHashCode(StringComparison.Ordinal) & int.MaxValue).ToString("D10", CultureInfo.InvariantCulture),
                extra.OutTradeNo, extra.OpenId, "SUCCESS", extra.TotalFen, "", "", 0, "", "模拟账单多出的交易", "");
        }
        return writer.Count == 0 ? null : writer.ToBytes();
    }

    /// <summary>Formats fen as yuan with two decimals, exactly.</summary>
    public static string Yuan(long fen) => (fen < 0 ? "-" : "") + $"{Math.Abs(fen) / 100}.{Math.Abs(fen) % 100:00}";

    /// <summary>Formats units of 0.00001 yuan with five decimals.</summary>
    public static string Yuan5(long milliFen) => (milliFen < 0 ? "-" : "") + $"{Math.Abs(milliFen) / 100_000}.{Math.Abs(milliFen) % 100_000:00000}";

    /// <summary>Accumulates detail lines and the summary; also used by the benchmark's bill generator.</summary>
    public sealed class BillBuilder
    {
        private readonly StringBuilder _lines = new();
        private long _settlement;
        private long _refunds;
        private long _fees;
        private long _orders;
        private long _requestedRefunds;

        public int Count { get; private set; }

        internal void Success(SimulatedOrder order, DateTimeOffset at, BillFaults.Snapshot faults) =>
            Append(at, order.AppId, order.MchId, order.TransactionId ?? "", order.OutTradeNo, order.OpenId, faults.State(order.OutTradeNo, "SUCCESS"),
                faults.Amount(order.OutTradeNo, order.TotalFen), refundId: "", outRefundNo: "", refundFen: 0, refundStatus: "", order.Description, order.Attach ?? "");

        internal void Refund(SimulatedRefund refund, DateTimeOffset at, BillFaults.Snapshot faults) =>
            Append(at, refund.Order.AppId, refund.Order.MchId, refund.Order.TransactionId ?? "", refund.Order.OutTradeNo, refund.Order.OpenId, "REFUND",
                0, refund.RefundId, refund.OutRefundNo, faults.Amount(refund.OutRefundNo, refund.RefundFen), refund.Status, refund.Order.Description, refund.Order.Attach ?? "");

        /// <summary>
        /// One detail line. The fee is 0.6 % in units of 0.00001 yuan (fen × 6), negative on refund lines
        /// because WeChat returns the fee of refunded money.
        /// </summary>
        public void Append(DateTimeOffset at, string appId, string mchId, string transactionId, string outTradeNo, string openId, string tradeState,
            long totalFen, string refundId, string outRefundNo, long refundFen, string refundStatus, string description, string attach)
        {
            var fee = tradeState == "REFUND" ? -refundFen * 6 : totalFen * 6;
            _settlement += totalFen;
            _refunds += refundFen;
            _fees += fee;
            _orders += totalFen;
            _requestedRefunds += refundFen;
            Count++;
            string[] values =
            [
                at.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), appId, mchId, "0", "", transactionId, outTradeNo, openId,
                "JSAPI", tradeState, "OTHERS", "CNY", Yuan(totalFen), "0.00", refundId, outRefundNo, Yuan(refundFen), "0.00",
                refundFen > 0 ? "ORIGINAL" : "", refundStatus, description, attach, Yuan5(fee), "0.60%", Yuan(totalFen), Yuan(refundFen), "",
            ];
            _lines.Append('`').AppendJoin(",`", values).Append("\r\n");
        }

        public string SummaryLine() =>
            "`" + string.Join(",`", Count.ToString(CultureInfo.InvariantCulture), Yuan(_settlement), Yuan(_refunds), "0.00", Yuan5(_fees), Yuan(_orders), Yuan(_requestedRefunds));

        public byte[] ToBytes() =>
            Encoding.UTF8.GetBytes($"{DetailHeader}\r\n{_lines}{SummaryHeader}\r\n{SummaryLine()}\r\n");
    }
}
