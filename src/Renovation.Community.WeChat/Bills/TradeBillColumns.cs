namespace Renovation.Community.WeChat.Bills;

/// <summary>Column names of the trade bill as WeChat Pay writes them in the header lines.</summary>
internal static class TradeBillColumns
{
    public const string TradeTime = "交易时间";
    public const string AppId = "公众账号ID";
    public const string MchId = "商户号";
    public const string SubMchId = "特约商户号";
    public const string DeviceInfo = "设备号";
    public const string TransactionId = "微信订单号";
    public const string OutTradeNo = "商户订单号";
    public const string OpenId = "用户标识";
    public const string TradeType = "交易类型";
    public const string TradeState = "交易状态";
    public const string BankType = "付款银行";
    public const string Currency = "货币种类";
    public const string SettlementTotal = "应结订单金额";
    public const string Coupon = "代金券金额";
    public const string RefundId = "微信退款单号";
    public const string OutRefundNo = "商户退款单号";
    public const string Refund = "退款金额";
    public const string CouponRefund = "充值券退款金额";
    public const string RefundType = "退款类型";
    public const string RefundStatus = "退款状态";
    public const string Description = "商品名称";
    public const string Attach = "商户数据包";
    public const string Fee = "手续费";
    public const string Rate = "费率";
    public const string Total = "订单金额";
    public const string RequestedRefund = "申请退款金额";
    public const string RateRemark = "费率备注";

    /// <summary>The ALL bill's detail header, in order.</summary>
    public static readonly string[] All =
    [
        TradeTime, AppId, MchId, SubMchId, DeviceInfo, TransactionId, OutTradeNo, OpenId, TradeType, TradeState,
        BankType, Currency, SettlementTotal, Coupon, RefundId, OutRefundNo, Refund, CouponRefund, RefundType,
        RefundStatus, Description, Attach, Fee, Rate, Total, RequestedRefund, RateRemark,
    ];

    public const string SummaryTradeCount = "总交易单数";
    public const string SummarySettlementTotal = "应结订单总金额";
    public const string SummaryRefundTotal = "退款总金额";
    public const string SummaryCouponRefundTotal = "充值券退款总金额";
    public const string SummaryFeeTotal = "手续费总金额";
    public const string SummaryOrderTotal = "订单总金额";
    public const string SummaryRequestedRefundTotal = "申请退款总金额";

    public static readonly string[] Summary =
    [
        SummaryTradeCount, SummarySettlementTotal, SummaryRefundTotal, SummaryCouponRefundTotal, SummaryFeeTotal,
        SummaryOrderTotal, SummaryRequestedRefundTotal,
    ];
}
