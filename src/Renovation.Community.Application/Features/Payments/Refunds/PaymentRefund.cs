using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Payments;

public enum RefundState
{
    /// <summary>Reserved with its out_refund_no; WeChat has not answered yet. Retried with the same number.</summary>
    Requested = 0,
    /// <summary>WeChat accepted it (PROCESSING): the money has NOT reached the payer yet.</summary>
    Processing = 1,
    /// <summary>WeChat says the money is back with the payer (notification or query).</summary>
    Succeeded = 2,
    /// <summary>WeChat closed it without paying; the amount is refundable again.</summary>
    Closed = 3,
    /// <summary>WeChat could not return the money (card cancelled …): needs a person (商户平台 异常退款).</summary>
    Abnormal = 4,
    /// <summary>WeChat refused the refund for good (not a transient error); nothing was paid back and the amount is
    /// refundable again. <see cref="PaymentRefund.LastError"/> says why.</summary>
    Failed = 5,
}

public enum RefundOrigin
{
    /// <summary>Asked for by staff.</summary>
    Manual = 0,
    /// <summary>Money that arrived for a subject that could not take it, or after the order was closed.</summary>
    Automatic = 1,
}

/// <summary>
/// One refund of a payment (退款单). Its <see cref="OutRefundNo"/> is fixed when it is reserved and reused on every retry,
/// so WeChat never refunds it twice. "Accepted" (<see cref="RefundState.Processing"/>) and
/// <see cref="RefundState.Succeeded"/> are different facts and are never merged.
/// </summary>
public sealed class PaymentRefund : IAudited
{
    public const int MaxReason = 80;

    private PaymentRefund() { }

    internal PaymentRefund(Payment payment, int sequence, long amountFen, string reason, RefundOrigin origin,
        Guid? requestedBy, DateTimeOffset now, string? subjectKey = null, string? overrideReason = null)
    {
        Id = Ids.New();
        OverrideReason = overrideReason is null ? null
            : overrideReason.Length > MaxReason ? overrideReason[..MaxReason] : overrideReason;
        SubjectKey = subjectKey;
        PaymentId = payment.Id;
        Sequence = sequence;
        OutRefundNo = $"{payment.OutTradeNo}R{sequence:D2}";
        AmountFen = amountFen;
        Reason = reason.Length > MaxReason ? reason[..MaxReason] : reason;
        Origin = origin;
        RequestedBy = requestedBy;
        State = RefundState.Requested;
        CreatedAt = now;
        UpdatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PaymentId { get; private set; }
    /// <summary>1, 2, … within its payment (unique); failed refunds keep theirs, so numbers may pass 50.</summary>
    public int Sequence { get; private set; }
    /// <summary>商户退款单号: the payment's out_trade_no + "R" + sequence, at most 30 characters.</summary>
    public string OutRefundNo { get; private set; } = "";
    public long AmountFen { get; private set; }
    /// <summary>Sent to WeChat and shown to the payer.</summary>
    public string Reason { get; private set; } = "";
    public RefundOrigin Origin { get; private set; }
    public Guid? RequestedBy { get; private set; }
    /// <summary>
    /// Why the purpose asked for it (<see cref="Common.Payments.IPaymentRefunds"/>), unique per payment so that the
    /// purpose's "refund when the subject ends" happens once; NULL for staff and automatic refunds.
    /// </summary>
    public string? SubjectKey { get; private set; }
    /// <summary>
    /// Why a committee chair overrode the purpose's refusal (the fund's <c>fund_balance_spent</c>), or null. Kept on the
    /// refund, which is audited with who asked, so the decision can be read back.
    /// </summary>
    public string? OverrideReason { get; private set; }
    public RefundState State { get; private set; }
    /// <summary>微信支付退款单号, once WeChat answered.</summary>
    public string? WeChatRefundId { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? SucceededAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>When the sweep next sends (Requested) or queries (Processing) it.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsSettled => State is RefundState.Succeeded or RefundState.Closed or RefundState.Abnormal or RefundState.Failed;

    public void AttemptFailed(string error, DateTimeOffset now, TimeSpan retryAfter)
    {
        Attempts++;
        LastError = error.Length > 300 ? error[..300] : error;
        NextAttemptAt = now + retryAfter;
        Touch(now);
    }

    /// <summary>WeChat answered with PROCESSING (accepted, not yet paid back).</summary>
    public bool Accepted(string weChatRefundId, DateTimeOffset now, TimeSpan queryAfter)
    {
        if (State != RefundState.Requested)
            return false;
        Attempts++;
        State = RefundState.Processing;
        WeChatRefundId = weChatRefundId;
        AcceptedAt = now;
        LastError = null;
        NextAttemptAt = now + queryAfter;
        Touch(now);
        return true;
    }

    /// <summary>Moves to a final state; false when already settled (duplicate notification).</summary>
    public bool Settle(RefundState final, string? weChatRefundId, DateTimeOffset? successTime, DateTimeOffset now)
    {
        if (IsSettled || final is RefundState.Requested or RefundState.Processing)
            return false;
        State = final;
        WeChatRefundId ??= weChatRefundId;
        AcceptedAt ??= now;
        if (final == RefundState.Succeeded)
            SucceededAt = (successTime ?? now).ToUniversalTime();   // WeChat's +08:00; stored times are UTC
        EndedAt = now;
        Touch(now);
        return true;
    }

    /// <summary>WeChat refused it for good; false when it had already moved (an answer or a notification won).</summary>
    public bool Refused(string error, DateTimeOffset now)
    {
        if (State != RefundState.Requested)
            return false;
        Attempts++;
        State = RefundState.Failed;
        LastError = error.Length > 300 ? error[..300] : error;
        EndedAt = now;
        Touch(now);
        return true;
    }

    public void QueryLater(DateTimeOffset now, TimeSpan after)
    {
        NextAttemptAt = now + after;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
