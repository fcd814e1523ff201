using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;

namespace Renovation.Community.Tests.Payments;

/// <summary>
/// The purpose of the crash test's payments. It cannot share <see cref="TestPaymentPurpose"/>'s in-memory subjects
/// (they live in the test process, and the API process is killed), so everything is derived: the price from the
/// subject id, the community from the payer's approved binding. Its effect is one <c>crashtest.credited</c> outbox
/// row written through the settlement's context, so "credited once" is a row count.
/// </summary>
public sealed class CrashTestPurpose(TimeProvider clock) : IPaymentPurpose
{
    public const string PurposeName = "crash-test";
    public const string CreditedKind = "crashtest.credited";

    public string Name => PurposeName;

    /// <summary>Long enough that no order of the test expires (expiry is another path, tested elsewhere).</summary>
    public PaymentPurposeSettings Settings { get; } = new(TimeSpan.FromMinutes(30));

    /// <summary>1.00 … 99.99 yuan, fixed by the subject id so the test knows each price without asking.</summary>
    public static long PriceFen(Guid subjectId) => 100 + BitConverter.ToUInt32(subjectId.ToByteArray(), 0) % 9_900;

    public async Task<PaymentQuote> QuoteAsync(PaymentQuoteRequest request, AppDbContext db, CancellationToken ct)
    {
        var communityId = await db.UnitBindings
            .Where(b => b.UserId == request.PayerUserId && b.Status == BindingStatus.Approved)
            .Join(db.Units, b => b.UnitId, u => u.Id, (_, u) => (Guid?)u.CommunityId)
            .FirstOrDefaultAsync(ct)
            ?? throw AppProblem.NotFound("community_not_found", "您未绑定任何小区的房屋");
        return new PaymentQuote(PriceFen(request.SubjectId), "崩溃测试缴费", communityId, MoneyOwner.Owners);
    }

    public Task<PaymentAcceptance> OnPaidAsync(PaidPayment payment, AppDbContext db, CancellationToken ct)
    {
        db.OutboxEvents.Add(new OutboxEvent(CreditedKind, Audience.User(payment.PayerUserId),
            $"{{\"paymentId\":\"{payment.PaymentId}\",\"amountFen\":{payment.AmountFen}}}", clock.GetUtcNow()));
        return Task.FromResult(PaymentAcceptance.Accepted);
    }
}
