using System.Collections.Concurrent;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Tests.Payments;

/// <summary>A subject the test purpose sells: its price, whose money it is, and whether it still takes money.</summary>
public sealed class TestSubject(long amountFen, Guid communityId, MoneyOwner owner)
{
    public long AmountFen { get; set; } = amountFen;
    public Guid CommunityId { get; } = communityId;
    public MoneyOwner Owner { get; } = owner;
    /// <summary>Set to refuse money that arrives (a closed campaign, a slot given away).</summary>
    public string? RejectWith { get; set; }
}

/// <summary>
/// The purpose registered in every test host. Its effect is one <c>test.credited</c> outbox row written through the
/// given context, so "the handler ran exactly once" is a row count that rolls back with a lost race.
/// </summary>
public sealed class TestPaymentPurpose(TimeProvider clock) : IPaymentPurpose
{
    public const string PurposeName = "test-purpose";
    public const string CreditedKind = "test.credited";
    public const string RefundedKind = "test.refunded";

    public static ConcurrentDictionary<Guid, TestSubject> Subjects { get; } = new();

    public string Name => PurposeName;

    /// <summary>The shortest WeChat allows, so clock-moving tests stay inside the 5-minute signature window.</summary>
    public PaymentPurposeSettings Settings { get; } = new(TimeSpan.FromMinutes(1));

    public Task<PaymentQuote> QuoteAsync(PaymentQuoteRequest request, AppDbContext db, CancellationToken ct) =>
        Subjects.TryGetValue(request.SubjectId, out var s)
            ? Task.FromResult(new PaymentQuote(s.AmountFen, "测试缴费", s.CommunityId, s.Owner))
            : throw AppProblem.NotFound("subject_not_found", "缴费对象不存在");

    public Task<PaymentAcceptance> OnPaidAsync(PaidPayment payment, AppDbContext db, CancellationToken ct)
    {
        if (Subjects[payment.SubjectId].RejectWith is { } reason)
            return Task.FromResult(PaymentAcceptance.Rejected(reason));
        db.OutboxEvents.Add(new OutboxEvent(CreditedKind, Audience.User(payment.PayerUserId),
            $"{{\"paymentId\":\"{payment.PaymentId}\"}}", clock.GetUtcNow()));
        return Task.FromResult(PaymentAcceptance.Accepted);
    }

    public Task OnRefundedAsync(RefundedPayment refund, AppDbContext db, CancellationToken ct)
    {
        db.OutboxEvents.Add(new OutboxEvent(RefundedKind, Audience.User(refund.PayerUserId),
            $"{{\"paymentId\":\"{refund.PaymentId}\",\"refundFen\":{refund.RefundFen}}}", clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
