using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// <c>fund-due</c>: a household pays the part of a works share its balance could not cover. The money passes through
/// the household's ledger (a deposit and the matching works charge in the same transaction), so the statement shows it.
/// </summary>
internal sealed class DuePurpose(FundLedger ledger) : IPaymentPurpose
{
    public string Name => TopUpPurpose.DueName;

    public PaymentPurposeSettings Settings { get; } = new(TimeSpan.FromMinutes(30));

    public async Task<PaymentQuote> QuoteAsync(PaymentQuoteRequest request, AppDbContext db, CancellationToken ct)
    {
        var due = await db.FundDues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.SubjectId, ct);
        if (due is null || !await TopUpPurpose.PayerActsForAsync(db, request.PayerUserId, due.UnitId, ct))
            throw AppProblem.NotFound("fund_due_not_found", "应缴维修分摊不存在或不属于您绑定的房屋");
        if (due.OwingFen < 1)
            throw new DomainRuleViolation("fund_due_paid", "该笔维修分摊已缴清");
        return new PaymentQuote(due.OwingFen, await TopUpPurpose.DescribeAsync(db, due.UnitId, "维修分摊补缴", ct), due.CommunityId, MoneyOwner.Owners);
    }

    public async Task<PaymentAcceptance> OnPaidAsync(PaidPayment payment, AppDbContext db, CancellationToken ct)
    {
        var due = await db.FundDues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == payment.SubjectId, ct);
        if (due is null)
            return PaymentAcceptance.Rejected("应缴维修分摊不存在");
        if (!await OwedPayments.TakeAsync(db.FundDues, due.Id, payment.AmountFen, ct))
            return PaymentAcceptance.Rejected("该笔维修分摊已缴清");
        await ledger.PostAsync(new FundPosting(due.HouseholdId, FundEntryKind.Deposit, payment.AmountFen, $"payment:{payment.PaymentId}",
            "补缴维修分摊", due.PlanId, PostedBy: payment.PayerUserId), ct);
        await ledger.PostAsync(new FundPosting(due.HouseholdId, FundEntryKind.WorksCharge, -payment.AmountFen,
            $"payment:{payment.PaymentId}:charge", "维修分摊（补缴部分）", due.PlanId, PostedBy: payment.PayerUserId), ct);
        return PaymentAcceptance.Accepted;
    }
}
