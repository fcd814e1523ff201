using System.Text.Json;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay.Refunds;

namespace Renovation.Community.WeChat.Pay.Notifications;

/// <summary>A verified and decrypted notification. <see cref="Id"/> repeats on redelivery: handle it idempotently.</summary>
public sealed record WeChatPayNotification(
    string Id,
    DateTimeOffset? CreateTime,
    string EventType,
    string? Summary,
    string OriginalType,
    string ResourceJson)
{
    public const string TransactionSuccess = "TRANSACTION.SUCCESS";
    public const string RefundSuccess = "REFUND.SUCCESS";
    public const string RefundAbnormal = "REFUND.ABNORMAL";
    public const string RefundClosed = "REFUND.CLOSED";

    public bool IsTransaction => EventType.StartsWith("TRANSACTION.", StringComparison.Ordinal);

    public bool IsRefund => EventType.StartsWith("REFUND.", StringComparison.Ordinal);

    public PayTransaction ReadTransaction() =>
        JsonSerializer.Deserialize<PayTransaction>(ResourceJson, WeChatJson.Options)
        ?? throw new WeChatPayNotificationException("The transaction resource is empty.");

    public RefundNotificationResource ReadRefund() =>
        JsonSerializer.Deserialize<RefundNotificationResource>(ResourceJson, WeChatJson.Options)
        ?? throw new WeChatPayNotificationException("The refund resource is empty.");
}

/// <summary>A notification that is signed correctly but cannot be read (bad JSON, wrong algorithm, failed decryption).</summary>
public sealed class WeChatPayNotificationException : Exception
{
    public WeChatPayNotificationException()
    {
    }

    public WeChatPayNotificationException(string message) : base(message)
    {
    }

    public WeChatPayNotificationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
