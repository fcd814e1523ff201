using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// <c>fund-top-up</c>: a household pays what it owes a top-up campaign (the subject is its <see cref="TopUpShare"/>).
/// The credit posts the top-up entry in the payment's own transaction; money paid (by WeChat's payment time) after the
/// campaign's last due date or its close, or more than is owed, is rejected and refunded by Payments.
/// </summary>
internal sealed class TopUpPurpose(TopUpCredit credit, TimeProvider clock) : IPaymentPurpose
{
    public const string TopUpName = "fund-top-up";
    public const string DueName = "fund-due";

    public string Name => TopUpName;

    public PaymentPurposeSettings Settings { get; } = new(TimeSpan.FromMinutes(30));

    public async Task<PaymentQuote> QuoteAsync(PaymentQuoteRequest request, AppDbContext db, CancellationToken ct)
    {
        var share = await db.FundTopUpShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SubjectId, ct);
        if (share is null || !await PayerActsForAsync(db, request.PayerUserId, share.UnitId, ct))
            throw AppProblem.NotFound("top_up_share_not_found", "续筹项目不存在或不属于您绑定的房屋");
        var campaign = await db.FundTopUpCampaigns.AsNoTracking().SingleAsync(c => c.Id == share.CampaignId, ct);
        if (!campaign.TakesMoney(clock.GetUtcNow()))
            throw new DomainRuleViolation("top_up_campaign_closed", "该续筹活动已结束");
        if (share.OwingFen < 1)
            throw new DomainRuleViolation("top_up_paid", "该户续筹款已缴清");
        // One payment is one instalment: the earliest unpaid one's outstanding part (the whole share without a schedule).
        var now = clock.GetUtcNow();
        var next = TopUpSchedule.NextUnpaid(TopUpSchedule.Of(campaign, share.AmountFen, share.PaidFen, now))!;
        var what = campaign.InstalmentCount > 1 ? $"维修资金续筹第 {next.Number}/{campaign.InstalmentCount} 期" : "维修资金续筹";
        // The WeChat order expires no later than the campaign's last due date: after it the money would be refused.
        return new PaymentQuote(next.OwingFen, await DescribeAsync(db, share.UnitId, what, ct), share.CommunityId, MoneyOwner.Owners,
            campaign.LastDueBy);
    }

    public async Task<PaymentAcceptance> OnPaidAsync(PaidPayment payment, AppDbContext db, CancellationToken ct)
    {
        var refused = await credit.ApplyAsync(payment.SubjectId, payment.AmountFen, $"payment:{payment.PaymentId}",
            $"微信支付续筹（{payment.TransactionId}）", payment.PayerUserId, payment.PaidAt, ct);
        return refused is null ? PaymentAcceptance.Accepted : PaymentAcceptance.Rejected(refused);
    }

    /// <summary>
    /// Decided before WeChat is asked: the household's ledger gives the money back (a new, negative entry naming the
    /// top-up) and the share owes it again, or the refund is refused (<c>fund_balance_spent</c>) when the balance no longer
    /// holds it, unless the committee overrode that.
    /// </summary>
    public Task OnRefundingAsync(RefundingPayment refund, AppDbContext db, CancellationToken ct) =>
        credit.RefundAsync(new TopUpRefund(refund.SubjectId, refund.PaymentId, refund.RefundId, refund.RefundFen,
            refund.OverrideReason, refund.RequestedBy), ct);

    public Task OnRefundReleasedAsync(RefundingPayment refund, AppDbContext db, CancellationToken ct) =>
        credit.RefundReleasedAsync(new TopUpRefund(refund.SubjectId, refund.PaymentId, refund.RefundId, refund.RefundFen,
            refund.OverrideReason, refund.RequestedBy), ct);

    internal static Task<bool> PayerActsForAsync(AppDbContext db, Guid userId, Guid unitId, CancellationToken ct) =>
        db.ActsForUnitAsync(userId, unitId, ct);

    /// <summary>"3幢 201 维修资金续筹" (WeChat shows at most 127 characters).</summary>
    internal static async Task<string> DescribeAsync(AppDbContext db, Guid unitId, string what, CancellationToken ct)
    {
        var door = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Building!.Name + " " + u.Number).SingleAsync(ct);
        var text = $"{door} {what}";
        return text.Length > 120 ? text[..120] : text;
    }
}
