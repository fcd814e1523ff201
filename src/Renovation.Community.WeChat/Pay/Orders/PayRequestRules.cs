using System.Text.RegularExpressions;

namespace Renovation.Community.WeChat.Pay.Orders;

/// <summary>Field rules WeChat Pay enforces; checked before sending so a PARAM_ERROR never surprises.</summary>
internal static partial class PayRequestRules
{
    public const int MaxDescriptionLength = 127;

    [GeneratedRegex("^[0-9A-Za-z_\\-|*]{6,32}$")]
    private static partial Regex OutTradeNoPattern();

    [GeneratedRegex("^[0-9A-Za-z_\\-|*@]{1,64}$")]
    private static partial Regex OutRefundNoPattern();

    public static void CheckOutTradeNo(string outTradeNo)
    {
        if (outTradeNo is null || !OutTradeNoPattern().IsMatch(outTradeNo))
        {
            throw new ArgumentException($"out_trade_no '{outTradeNo}' must be 6–32 characters of 0-9 A-Z a-z _ - | *.", nameof(outTradeNo));
        }
    }

    public static void CheckOutRefundNo(string outRefundNo)
    {
        if (outRefundNo is null || !OutRefundNoPattern().IsMatch(outRefundNo))
        {
            throw new ArgumentException($"out_refund_no '{outRefundNo}' must be 1–64 characters of 0-9 A-Z a-z _ - | * @.", nameof(outRefundNo));
        }
    }

    public static void CheckOrder(JsapiOrderRequest order)
    {
        if (string.IsNullOrWhiteSpace(order.Description) || order.Description.Length > MaxDescriptionLength)
        {
            throw new ArgumentException($"description must be 1–{MaxDescriptionLength} characters (it is {order.Description?.Length ?? 0}).", nameof(order));
        }
        CheckOutTradeNo(order.OutTradeNo);
        if (order.AmountFen <= 0)
        {
            throw new ArgumentException($"amount must be at least 1 fen (it is {order.AmountFen}).", nameof(order));
        }
        if (string.IsNullOrWhiteSpace(order.PayerOpenId))
        {
            throw new ArgumentException("payer openid is missing.", nameof(order));
        }
        if (order.Attach is { Length: > 128 })
        {
            throw new ArgumentException("attach must be at most 128 characters.", nameof(order));
        }
    }
}
