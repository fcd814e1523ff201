using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Payments;

public enum PaymentState
{
    /// <summary>Stored with its out_trade_no; the prepay call has not answered yet (or failed and may be retried).</summary>
    Created = 0,
    /// <summary>WeChat holds the order (prepay id issued); the payer may pay until <see cref="Payment.ExpiresAt"/>.</summary>
    AwaitingPayment = 1,
    /// <summary>WeChat confirmed the money (notification, query or bill). Final, except that refunds may follow.</summary>
    Paid = 2,
    /// <summary>Closed unpaid (expired or abandoned). Money arriving later is recorded as paid and refunded.</summary>
    Closed = 3,
    /// <summary>WeChat refused the order (e.g. PAYERROR); nothing was charged.</summary>
    Failed = 4,
}

/// <summary>What the purpose said when the money arrived.</summary>
public enum PaymentAcceptanceState
{
    /// <summary>Not paid yet.</summary>
    Pending = 0,
    Accepted = 1,
    /// <summary>The subject could not take the money (or the order had been closed): refunded automatically.</summary>
    Rejected = 2,
}

/// <summary>
/// One WeChat Pay order (支付单). Our <see cref="OutTradeNo"/> exists before WeChat hears of it, so a crash between the
/// prepay call and our save can be repaired by repeating the call with the same number. Every move is guarded by the
/// <see cref="Version"/> concurrency token, which is what makes a credit happen once however many notifications,
/// queries and sweeps race on it. Refund totals live here too, so the refund caps are checked under the same token
/// and by the database (check constraints on <see cref="RefundedFen"/> and the refund sequence).
/// </summary>
public sealed class Payment : IAudited
{
    public const int MaxRefunds = 50;
    /// <summary>Refund numbers a payment may use, failed refunds included (keeps out_refund_no at most 31 characters).</summary>
    public const int MaxRefundNumbers = 999;
    public const int MaxDescription = 127;

    private Payment() { }

    /// <param name="expiresAt">The time_expire sent to WeChat (<see cref="PrepayExpiry"/>).</param>
    public Payment(string purpose, Guid subjectId, Guid payerUserId, string payerOpenId, PaymentQuote quote,
        DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (quote.AmountFen < 1)
            throw new DomainRuleViolation("payment_amount_invalid", "支付金额必须大于零");
        Id = Ids.New();
        OutTradeNo = NewOutTradeNo(now);
        Purpose = purpose;
        SubjectId = subjectId;
        PayerUserId = payerUserId;
        PayerOpenId = payerOpenId;
        CommunityId = quote.CommunityId;
        Owner = quote.Owner;
        AmountFen = quote.AmountFen;
        Description = quote.Description.Length > MaxDescription ? quote.Description[..MaxDescription] : quote.Description;
        State = PaymentState.Created;
        OpenKey = OpenMarker;
        ExpiresAt = expiresAt;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>商户订单号: 6–32 of [0-9A-Za-z_-|*], unique; ours, made before the prepay call.</summary>
    public string OutTradeNo { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public Guid PayerUserId { get; private set; }
    public string PayerOpenId { get; private set; } = "";
    public Guid CommunityId { get; private set; }
    public MoneyOwner Owner { get; private set; }
    public long AmountFen { get; private set; }
    public string Description { get; private set; } = "";
    public PaymentState State { get; private set; }
    public PaymentAcceptanceState Acceptance { get; private set; }
    /// <summary>Why the purpose (or a close) refused the money; shown to the payer with the refund.</summary>
    public string? RejectionReason { get; private set; }
    /// <summary>The time_expire sent to WeChat: no payment is possible after it.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }
    public string? PrepayId { get; private set; }
    /// <summary>A prepay id is valid for two hours; asking again before this returns the same one.</summary>
    public DateTimeOffset? PrepayExpiresAt { get; private set; }
    /// <summary>微信支付订单号.</summary>
    public string? TransactionId { get; private set; }
    /// <summary>When WeChat took the money (its success_time), however late we heard of it.</summary>
    public DateTimeOffset? PaidAt { get; private set; }
    /// <summary>Which path ended it (paid, closed or failed); null while open.</summary>
    public SettlementSource? SettledVia { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? FailureReason { get; private set; }
    /// <summary>Sum of refunds requested and not closed; never above <see cref="AmountFen"/> (check constraint).</summary>
    public long RefundedFen { get; private set; }
    /// <summary>Refunds requested so far, failed ones included: each refund takes the next number (unique per payment).</summary>
    public int RefundCount { get; private set; }
    /// <summary>
    /// Refunds WeChat refused for good. They moved no money and do not count toward the 50-refund limit: the database
    /// checks <c>RefundCount - FailedRefundCount &lt;= 50</c>, both changed under <see cref="Version"/>.
    /// </summary>
    public int FailedRefundCount { get; private set; }
    /// <summary>When we last asked WeChat about it (client polls and the sweep are rate limited by this).</summary>
    public DateTimeOffset? LastQueriedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Concurrency token: every change is an UPDATE … WHERE Version = the one read.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// <see cref="OpenMarker"/> while the payment is open, NULL once it is paid, closed or failed. The unique index on
    /// (Purpose, SubjectId, OpenKey) is how the database, not a check-before-insert, keeps at most one open payment per
    /// subject, whoever pays: NULLs never collide, so any number of ended payments may sit beside it.
    /// (MariaDB has no filtered indexes; this works the same on SQLite.)
    /// </summary>
    public int? OpenKey { get; private set; }

    public const int OpenMarker = 1;

    public bool IsOpen => State is PaymentState.Created or PaymentState.AwaitingPayment;

    public bool HasValidPrepay(DateTimeOffset now) =>
        State == PaymentState.AwaitingPayment && PrepayId is not null && PrepayExpiresAt > now && ExpiresAt > now;

    public void PrepayIssued(string prepayId, DateTimeOffset now)
    {
        if (!IsOpen)
            throw new DomainRuleViolation("payment_not_payable", "该支付单已结束，不能再支付", StatusCodes.Status409Conflict);
        PrepayId = prepayId;
        // WeChat: a prepay_id is valid for 2 hours; keep a margin so the payer never gets a dead one.
        var prepayEnd = now.AddHours(2).AddMinutes(-5);
        PrepayExpiresAt = prepayEnd < ExpiresAt ? prepayEnd : ExpiresAt;
        State = PaymentState.AwaitingPayment;
        Touch(now);
    }

    /// <summary>
    /// WeChat says the money arrived. Callers have checked merchant, app, number and amount. Nothing changes when it was
    /// already paid. The one home of "paid after close": a closed order is credited too (the money is real) but
    /// rejected here, so it is refunded and its purpose is never told.
    /// </summary>
    public PaymentCredit MarkPaid(string transactionId, DateTimeOffset paidAt, SettlementSource via, DateTimeOffset now)
    {
        if (State == PaymentState.Paid)
            return PaymentCredit.AlreadyPaid;
        var wasClosed = State == PaymentState.Closed;
        State = PaymentState.Paid;
        OpenKey = null;
        TransactionId = transactionId;
        // WeChat reports success_time in +08:00; every stored time is UTC (SQLite's binary form keeps the offset).
        PaidAt = paidAt.ToUniversalTime();
        SettledVia = via;
        Touch(now);
        if (!wasClosed)
            return PaymentCredit.Credited;
        Reject("订单已关闭后才到账，款项将原路退回");
        return PaymentCredit.PaidAfterClose;
    }

    public void Accept() => Acceptance = PaymentAcceptanceState.Accepted;

    public void Reject(string reason)
    {
        Acceptance = PaymentAcceptanceState.Rejected;
        RejectionReason = reason;
    }

    public void Close(SettlementSource via, DateTimeOffset now)
    {
        if (!IsOpen)
            throw new DomainRuleViolation("payment_not_open", "该支付单已结束");
        State = PaymentState.Closed;
        OpenKey = null;
        ClosedAt = now;
        SettledVia = via;
        Touch(now);
    }

    public void Fail(string reason, SettlementSource via, DateTimeOffset now)
    {
        if (!IsOpen)
            throw new DomainRuleViolation("payment_not_open", "该支付单已结束");
        State = PaymentState.Failed;
        OpenKey = null;
        SettledVia = via;
        FailureReason = reason.Length > 200 ? reason[..200] : reason;
        Touch(now);
    }

    public void Queried(DateTimeOffset now) => LastQueriedAt = now;

    /// <summary>Reserves a refund: the sum and count caps are checked here and again by the database.</summary>
    public PaymentRefund RequestRefund(long amountFen, string reason, RefundOrigin origin, Guid? requestedBy, DateTimeOffset now,
        string? subjectKey = null, string? overrideReason = null)
    {
        if (State != PaymentState.Paid)
            throw new DomainRuleViolation("payment_not_paid", "只有已支付的订单可以退款", StatusCodes.Status409Conflict);
        if (amountFen < 1)
            throw new DomainRuleViolation("refund_amount_invalid", "退款金额必须大于零");
        if (RefundedFen + amountFen > AmountFen)
            throw new DomainRuleViolation("refund_exceeds_paid", $"退款总额不能超过实付金额（还可退 {AmountFen - RefundedFen} 分）")
                .With("refundableFen", AmountFen - RefundedFen);
        if (RefundCount - FailedRefundCount >= MaxRefunds || RefundCount >= MaxRefundNumbers)
            throw new DomainRuleViolation("refund_limit_reached", $"同一笔订单最多退款 {MaxRefunds} 次");
        RefundedFen += amountFen;
        RefundCount++;
        Touch(now);
        return new PaymentRefund(this, RefundCount, amountFen, reason, origin, requestedBy, now, subjectKey, overrideReason);
    }

    /// <summary>A closed refund returned no money: its amount may be refunded again.</summary>
    public void ReleaseRefund(long amountFen, DateTimeOffset now)
    {
        RefundedFen -= amountFen;
        Touch(now);
    }

    /// <summary>WeChat refused a refund for good: its amount is refundable again and it leaves the 50-refund limit.</summary>
    public void RefundRefused(long amountFen, DateTimeOffset now)
    {
        RefundedFen -= amountFen;
        FailedRefundCount++;
        Touch(now);
    }

    public long RefundableFen => State == PaymentState.Paid ? AmountFen - RefundedFen : 0;

    /// <summary>Bumps the version: a refund of this payment moved.</summary>
    public void Touched(DateTimeOffset now) => Touch(now);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>"P" + UTC time to the second + 12 random hex characters: sortable, unguessable, 27 characters.</summary>
    private static string NewOutTradeNo(DateTimeOffset now) =>
        $"P{now.UtcDateTime:yyyyMMddHHmmss}{Guid.NewGuid():N}"[..27];
}
