using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// DEVELOPMENT ONLY (<c>Payments:EnableTryOutPurpose</c>, refused outside Development): lets the quick-start pay
/// 1 fen through the simulator before any real purpose (fund top-ups, services) exists. The subject is a community the
/// payer is bound to; the money is owners' money of that community; a credit writes nothing anywhere.
/// </summary>
internal sealed class TryOutPurpose : IPaymentPurpose
{
    public const string PurposeName = "dev-try-out";

    public string Name => PurposeName;

    public PaymentPurposeSettings Settings { get; } = new(TimeSpan.FromMinutes(15));

    public async Task<PaymentQuote> QuoteAsync(PaymentQuoteRequest request, AppDbContext db, CancellationToken ct)
    {
        var bound = await db.ApprovedBindings().AnyAsync(b => b.UserId == request.PayerUserId
            && db.Units.Any(u => u.Id == b.UnitId && u.CommunityId == request.SubjectId), ct);
        if (!bound)
            throw AppProblem.NotFound("community_not_found", "小区不存在或您未绑定该小区的房屋");
        return new PaymentQuote(1, "开发环境试付（不入账）", request.SubjectId, MoneyOwner.Owners);
    }

    public Task<PaymentAcceptance> OnPaidAsync(PaidPayment payment, AppDbContext db, CancellationToken ct) =>
        Task.FromResult(PaymentAcceptance.Accepted);
}
