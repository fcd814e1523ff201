using System.Text.Json.Serialization;

namespace Renovation.Community.WeChat.Pay.Orders;

/// <summary>A WeChat Pay transaction, as returned by the order query and inside TRANSACTION.SUCCESS notifications.</summary>
public sealed class PayTransaction
{
    [JsonPropertyName("appid")]
    public string? AppId { get; init; }

    [JsonPropertyName("mchid")]
    public string? MchId { get; init; }

    public string OutTradeNo { get; init; } = "";

    public string? TransactionId { get; init; }

    public string? TradeType { get; init; }

    /// <summary>One of <see cref="TradeStates"/>.</summary>
    public string TradeState { get; init; } = "";

    public string? TradeStateDesc { get; init; }

    public string? BankType { get; init; }

    public string? Attach { get; init; }

    public DateTimeOffset? SuccessTime { get; init; }

    public PayTransactionPayer? Payer { get; init; }

    public PayTransactionAmount? Amount { get; init; }
}

public sealed class PayTransactionPayer
{
    [JsonPropertyName("openid")]
    public string? OpenId { get; init; }
}

public sealed class PayTransactionAmount
{
    [JsonPropertyName("total")]
    public long TotalFen { get; init; }

    [JsonPropertyName("payer_total")]
    public long? PayerTotalFen { get; init; }

    public string? Currency { get; init; }

    public string? PayerCurrency { get; init; }
}

public static class TradeStates
{
    public const string Success = "SUCCESS";
    public const string Refund = "REFUND";
    public const string NotPay = "NOTPAY";
    public const string Closed = "CLOSED";
    public const string Revoked = "REVOKED";
    public const string UserPaying = "USERPAYING";
    public const string PayError = "PAYERROR";
}
