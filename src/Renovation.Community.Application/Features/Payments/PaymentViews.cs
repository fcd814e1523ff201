using Renovation.Community.Application.Common.Payments;
using Renovation.Community.WeChat.Pay.Orders;

namespace Renovation.Community.Application.Features.Payments;

public sealed record RefundView(Guid Id, string OutRefundNo, long AmountFen, string Reason, RefundOrigin Origin,
    RefundState State, DateTimeOffset CreatedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? SucceededAt,
    string? FailureReason = null)
{
    /// <summary>WeChat's reason is shown only once it refused for good; transient errors are retried, not news.</summary>
    public static RefundView Of(PaymentRefund r) =>
        new(r.Id, r.OutRefundNo, r.AmountFen, r.Reason, r.Origin, r.State, r.CreatedAt, r.AcceptedAt, r.SucceededAt,
            r.State == RefundState.Failed ? r.LastError : null);
}

public sealed record PaymentView(
    Guid Id,
    string OutTradeNo,
    string Purpose,
    Guid SubjectId,
    Guid CommunityId,
    MoneyOwner Owner,
    string Description,
    long AmountFen,
    PaymentState State,
    PaymentAcceptanceState Acceptance,
    string? RejectionReason,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ClosedAt,
    SettlementSource? SettledVia,
    long RefundedFen,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RefundView> Refunds)
{
    public static PaymentView Of(Payment p, IReadOnlyList<RefundView>? refunds = null) =>
        new(p.Id, p.OutTradeNo, p.Purpose, p.SubjectId, p.CommunityId, p.Owner, p.Description, p.AmountFen, p.State,
            p.Acceptance, p.RejectionReason, p.ExpiresAt, p.PaidAt, p.ClosedAt, p.SettledVia, p.RefundedFen, p.CreatedAt, refunds ?? []);
}

/// <summary>The answer to a prepay: the payment and the object to pass to <c>wx.requestPayment</c>.</summary>
public sealed record PrepayView(PaymentView Payment, RequestPaymentParameters RequestPayment);
