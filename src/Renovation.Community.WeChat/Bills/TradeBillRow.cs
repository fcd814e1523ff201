namespace Renovation.Community.WeChat.Bills;

/// <summary>One detail line of a trade bill (交易账单). Money is fen; the fee is milli-fen (0.00001 yuan).</summary>
public sealed record TradeBillRow
{
    public long LineNumber { get; init; }

    /// <summary>交易时间, China Standard Time.</summary>
    public DateTimeOffset TradeTime { get; init; }

    public string AppId { get; init; } = "";

    public string MchId { get; init; } = "";

    public string SubMchId { get; init; } = "";

    public string DeviceInfo { get; init; } = "";

    /// <summary>微信订单号</summary>
    public string TransactionId { get; init; } = "";

    /// <summary>商户订单号</summary>
    public string OutTradeNo { get; init; } = "";

    public string OpenId { get; init; } = "";

    public string TradeType { get; init; } = "";

    /// <summary>SUCCESS, REFUND or REVOKED. A refunded order keeps its SUCCESS line and gains a REFUND line.</summary>
    public string TradeState { get; init; } = "";

    public string BankType { get; init; } = "";

    public string Currency { get; init; } = "";

    /// <summary>应结订单金额</summary>
    public long SettlementTotalFen { get; init; }

    /// <summary>代金券金额</summary>
    public long CouponFen { get; init; }

    public string RefundId { get; init; } = "";

    public string OutRefundNo { get; init; } = "";

    /// <summary>退款金额</summary>
    public long RefundFen { get; init; }

    /// <summary>充值券退款金额</summary>
    public long CouponRefundFen { get; init; }

    public string RefundType { get; init; } = "";

    public string RefundStatus { get; init; } = "";

    /// <summary>商品名称</summary>
    public string Description { get; init; } = "";

    /// <summary>商户数据包</summary>
    public string Attach { get; init; } = "";

    /// <summary>手续费 in units of 0.00001 yuan ("0.00600" → 600).</summary>
    public long FeeMilliFen { get; init; }

    /// <summary>费率 as written, e.g. 0.60 for "0.60%".</summary>
    public decimal RatePercent { get; init; }

    /// <summary>订单金额</summary>
    public long TotalFen { get; init; }

    /// <summary>申请退款金额</summary>
    public long RequestedRefundFen { get; init; }

    public string RateRemark { get; init; } = "";
}

/// <summary>The summary line (汇总) at the end of a trade bill.</summary>
public sealed record TradeBillSummary
{
    /// <summary>总交易单数</summary>
    public long TradeCount { get; init; }

    /// <summary>应结订单总金额</summary>
    public long SettlementTotalFen { get; init; }

    /// <summary>退款总金额</summary>
    public long RefundTotalFen { get; init; }

    /// <summary>充值券退款总金额</summary>
    public long CouponRefundTotalFen { get; init; }

    /// <summary>手续费总金额 in units of 0.00001 yuan.</summary>
    public long FeeTotalMilliFen { get; init; }

    /// <summary>订单总金额</summary>
    public long OrderTotalFen { get; init; }

    /// <summary>申请退款总金额</summary>
    public long RequestedRefundTotalFen { get; init; }
}
