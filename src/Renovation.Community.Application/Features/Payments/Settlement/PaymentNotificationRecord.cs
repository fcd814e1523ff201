using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>What we did with a verified notification.</summary>
public enum NotificationOutcome
{
    /// <summary>It moved the payment to paid (this delivery did the credit).</summary>
    Credited = 0,
    /// <summary>The payment or refund was already in that state (duplicate, or a query got there first).</summary>
    AlreadyApplied = 1,
    /// <summary>Did not match our order; a <see cref="PaymentIncident"/> was recorded and nothing was credited.</summary>
    Incident = 2,
    /// <summary>A refund moved to its final state.</summary>
    RefundSettled = 3,
    /// <summary>Verified but of no consequence (e.g. a trade state other than SUCCESS).</summary>
    Ignored = 4,
}

/// <summary>
/// Every verified and decrypted WeChat Pay notification, kept as received (one row per delivery; WeChat repeats
/// notifications and each delivery is evidence). Unverifiable posts are not kept: they prove nothing.
/// </summary>
public sealed class PaymentNotificationRecord
{
    private PaymentNotificationRecord() { }

    public PaymentNotificationRecord(string notificationId, string eventType, string? outTradeNo, string? outRefundNo,
        string? transactionId, string? state, long? amountFen, string plaintext, DateTimeOffset receivedAt)
    {
        Id = Ids.New();
        NotificationId = notificationId;
        EventType = eventType;
        OutTradeNo = outTradeNo;
        OutRefundNo = outRefundNo;
        TransactionId = transactionId;
        State = state;
        AmountFen = amountFen;
        Plaintext = plaintext;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }
    /// <summary>WeChat's notification id; the same on every redelivery.</summary>
    public string NotificationId { get; private set; } = "";
    public string EventType { get; private set; } = "";
    public string? OutTradeNo { get; private set; }
    public string? OutRefundNo { get; private set; }
    public string? TransactionId { get; private set; }
    /// <summary>trade_state or refund_status as notified.</summary>
    public string? State { get; private set; }
    public long? AmountFen { get; private set; }
    /// <summary>The decrypted resource JSON (no secrets: WeChat's payer data is the openid only).</summary>
    public string Plaintext { get; private set; } = "";
    public NotificationOutcome Outcome { get; private set; }
    public Guid? PaymentId { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public void Record(NotificationOutcome outcome, Guid? paymentId)
    {
        Outcome = outcome;
        PaymentId = paymentId;
    }
}
