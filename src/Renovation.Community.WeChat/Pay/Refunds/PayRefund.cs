using System.Text.Json.Serialization;

namespace Renovation.Community.WeChat.Pay.Refunds;

/// <summary>
/// A refund request. Retrying with the same <see cref="OutRefundNo"/> is how a refund is made safe to
/// repeat: WeChat Pay never refunds the same out_refund_no twice.
/// </summary>
public sealed record RefundRequest(string OutTradeNo, string OutRefundNo, long RefundFen, long TotalFen)
{
    public string? Reason { get; init; }

    public string? NotifyUrl { get; init; }
}

/// <summary>A refund as returned by the refund and refund-query calls.</summary>
public sealed class PayRefund
{
    public string RefundId { get; init; } = "";

    public string OutRefundNo { get; init; } = "";

    public string? TransactionId { get; init; }

    public string? OutTradeNo { get; init; }

    /// <summary>One of <see cref="RefundStatuses"/>.</summary>
    public string Status { get; init; } = "";

    public DateTimeOffset? SuccessTime { get; init; }

    public DateTimeOffset? CreateTime { get; init; }

    public PayRefundAmount? Amount { get; init; }
}

public sealed class PayRefundAmount
{
    [JsonPropertyName("total")]
    public long TotalFen { get; init; }

    [JsonPropertyName("refund")]
    public long RefundFen { get; init; }

    [JsonPropertyName("payer_refund")]
    public long? PayerRefundFen { get; init; }

    public string? Currency { get; init; }
}

/// <summary>The decrypted resource of a REFUND.* notification.</summary>
public sealed class RefundNotificationResource
{
    [JsonPropertyName("mchid")]
    public string? MchId { get; init; }

    public string OutTradeNo { get; init; } = "";

    public string? TransactionId { get; init; }

    public string OutRefundNo { get; init; } = "";

    public string RefundId { get; init; } = "";

    public string RefundStatus { get; init; } = "";

    public DateTimeOffset? SuccessTime { get; init; }

    public PayRefundAmount? Amount { get; init; }
}

public static class RefundStatuses
{
    public const string Success = "SUCCESS";
    public const string Closed = "CLOSED";
    public const string Processing = "PROCESSING";
    public const string Abnormal = "ABNORMAL";
}
