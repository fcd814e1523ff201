using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Payments;

public enum PaymentIncidentKind
{
    /// <summary>WeChat reported an out_trade_no (or out_refund_no) we never issued.</summary>
    UnknownOrder = 0,
    /// <summary>The notified or queried amount differs from our order: nothing credited.</summary>
    WrongAmount = 1,
    /// <summary>The mchid or appid is not ours: nothing credited.</summary>
    WrongMerchant = 2,
    /// <summary>Money arrived after we closed the order; credited and refunded.</summary>
    PaidAfterClose = 3,
    /// <summary>The purpose refused money that arrived; refunded.</summary>
    RejectedByPurpose = 4,
    /// <summary>A refund ended ABNORMAL: a person has to return the money (商户平台 异常退款).</summary>
    RefundAbnormal = 5,
    /// <summary>WeChat reports a refund amount that differs from ours.</summary>
    RefundMismatch = 6,
}

/// <summary>
/// Something about money that a person should look at. Recorded in the same transaction as the decision it explains
/// (or instead of a credit); never deleted, resolved with a note.
/// </summary>
public sealed class PaymentIncident : IAudited
{
    public const int MaxDetail = 500;

    private PaymentIncident() { }

    public PaymentIncident(PaymentIncidentKind kind, string reference, Guid? paymentId, Guid? communityId,
        long? expectedFen, long? reportedFen, string detail, string? notificationId, DateTimeOffset now)
    {
        Id = Ids.New();
        Kind = kind;
        Reference = reference.Length > 64 ? reference[..64] : reference;
        PaymentId = paymentId;
        CommunityId = communityId;
        ExpectedFen = expectedFen;
        ReportedFen = reportedFen;
        Detail = detail.Length > MaxDetail ? detail[..MaxDetail] : detail;
        NotificationId = notificationId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public PaymentIncidentKind Kind { get; private set; }
    /// <summary>The out_trade_no or out_refund_no WeChat named.</summary>
    public string Reference { get; private set; } = "";
    public Guid? PaymentId { get; private set; }
    public Guid? CommunityId { get; private set; }
    public long? ExpectedFen { get; private set; }
    public long? ReportedFen { get; private set; }
    public string Detail { get; private set; } = "";
    public string? NotificationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public Guid? ResolvedBy { get; private set; }
    public string? ResolutionNote { get; private set; }

    public bool IsResolved => ResolvedAt is not null;

    /// <summary>Final. <see cref="ResolvedAt"/> is the concurrency token, so the database's UPDATE … WHERE ResolvedAt IS NULL
    /// lets one of two concurrent resolutions through.</summary>
    public void Resolve(Guid by, string note, DateTimeOffset now)
    {
        if (IsResolved)
            throw AlreadyResolved();
        ResolvedAt = now;
        ResolvedBy = by;
        ResolutionNote = note.Length > MaxDetail ? note[..MaxDetail] : note;
    }

    public static DomainRuleViolation AlreadyResolved() =>
        new("incident_already_resolved", "该支付异常已处理，不能再次处理", StatusCodes.Status409Conflict);
}
