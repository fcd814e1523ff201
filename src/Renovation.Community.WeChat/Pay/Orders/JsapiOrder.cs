using System.Text.Json.Serialization;

namespace Renovation.Community.WeChat.Pay.Orders;

/// <summary>What the backend asks WeChat Pay to charge. Amounts are fen.</summary>
public sealed record JsapiOrderRequest(string Description, string OutTradeNo, long AmountFen, string PayerOpenId)
{
    /// <summary>When WeChat Pay stops accepting payment; absent means WeChat's default of two hours.</summary>
    public DateTimeOffset? TimeExpire { get; init; }

    /// <summary>Up to 128 characters echoed back in query results and notifications.</summary>
    public string? Attach { get; init; }

    /// <summary>Overrides <c>WeChat:Pay:NotifyUrl</c> for this order.</summary>
    public string? NotifyUrl { get; init; }
}

public sealed record JsapiOrder(string PrepayId);

/// <summary>The object the mini-program passes to <c>wx.requestPayment</c>; property names are wx's.</summary>
public sealed record RequestPaymentParameters(
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("timeStamp")] string TimeStamp,
    [property: JsonPropertyName("nonceStr")] string NonceStr,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("signType")] string SignType,
    [property: JsonPropertyName("paySign")] string PaySign);
