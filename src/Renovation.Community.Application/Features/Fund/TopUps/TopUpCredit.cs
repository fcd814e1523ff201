using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// Money for a top-up share, from WeChat Pay or a confirmed offline payment, inside the caller's transaction. Locks in
/// one order everywhere (share, campaign, then the ledger's account and household) so concurrent credits queue instead
/// of deadlocking. Returns a Chinese reason when the money cannot be taken (the caller refunds or refuses it).
/// </summary>
public sealed class TopUpCredit(AppDbContext db, FundLedger ledger, EventOutbox outbox)
{
    /// <param name="paidAt">When the money was paid (WeChat's success_time; the confirmation time for cash): the campaign's deadline is judged by it.</param>
    public async Task<string?> ApplyAsync(Guid shareId, long amountFen, string sourceKey, string memo, Guid? by,
        DateTimeOffset paidAt, CancellationToken ct)
    {
        var share = await db.FundTopUpShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shareId, ct);
        if (share is null)
            return "续筹项目不存在";
        var campaign = await db.FundTopUpCampaigns.AsNoTracking().SingleAsync(c => c.Id == share.CampaignId, ct);
        if (!campaign.TakesMoney(paidAt))
            return "该续筹活动已结束";
        if (!await OwedPayments.TakeAsync(db.FundTopUpShares, shareId, amountFen, ct))
            return "该户续筹款已缴清或金额超出应缴";
        var nowPaid = await db.FundTopUpShares.AsNoTracking().Where(s => s.Id == shareId)
            .Select(s => s.PaidFen == s.AmountFen).SingleAsync(ct);
        var completed = nowPaid ? 1 : 0;
        await db.FundTopUpCampaigns.Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PaidFen, c => c.PaidFen + amountFen)
            .SetProperty(c => c.PaidHouseholds, c => c.PaidHouseholds + completed), ct);
        await ledger.PostAsync(new FundPosting(share.HouseholdId, FundEntryKind.TopUp, amountFen, sourceKey, memo,
            campaign.Id, PostedBy: by), ct);
        FundEvents.TopUpProgress(outbox, await db.FundTopUpCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id, ct));
        return null;
    }

    /// <summary>
    /// A refund of an accepted top-up, in the transaction that reserves it (before WeChat is asked): the share owes the
    /// money again, the campaign's totals drop, and the household's ledger gets a new refund entry (negative, naming the
    /// top-up entry; the ledger stays append-only). When the balance no longer holds the money (spent on works since) the
    /// refund is refused with <c>fund_balance_spent</c>, unless the committee chair overrode that with a reason: then the
    /// ledger gives back what the household still holds and the entry's memo records the decision and the rest.
    /// </summary>
    public async Task RefundAsync(TopUpRefund refund, CancellationToken ct)
    {
        var share = await db.FundTopUpShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == refund.ShareId, ct);
        if (share is null)
            return;
        var balance = await db.FundHouseholds.AsNoTracking().Where(h => h.Id == share.HouseholdId).Select(h => h.BalanceFen).SingleAsync(ct);
        if (balance < refund.RefundFen && refund.OverrideReason is null)
            throw new DomainRuleViolation("fund_balance_spent",
                $"该户维修资金余额 {Yuan(balance)} 元，已不足以退还 {Yuan(refund.RefundFen)} 元（款项已用于维修等支出）；如确需退款，须由业主委员会主任注明决定理由后再退",
                StatusCodes.Status409Conflict)
                .With("balanceFen", balance).With("refundFen", refund.RefundFen);
        // Same lock order as a credit: share, campaign, then the ledger's account and household.
        if (await OwedPayments.GiveBackAsync(db.FundTopUpShares, share.Id, refund.RefundFen, ct))
        {
            // Read after the UPDATE (which holds the share's row): was it complete just before this refund?
            var wasComplete = await db.FundTopUpShares.AsNoTracking().Where(s => s.Id == share.Id)
                .Select(s => s.PaidFen + refund.RefundFen == s.AmountFen ? 1 : 0).SingleAsync(ct);
            await db.FundTopUpCampaigns.Where(c => c.Id == share.CampaignId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PaidFen, c => c.PaidFen - refund.RefundFen)
                .SetProperty(c => c.PaidHouseholds, c => c.PaidHouseholds - wasComplete), ct);
        }
        var topUp = await db.FundEntries.AsNoTracking().Where(e => e.SourceKey == refund.TopUpSourceKey).Select(e => (Guid?)e.Id)
            .SingleOrDefaultAsync(ct);
        var back = Math.Min(Math.Max(balance, 0), refund.RefundFen);
        var memo = back == refund.RefundFen ? "续筹款退款"
            : $"续筹款退款（业主委员会决定：{refund.OverrideReason}；余额不足部分 {Yuan(refund.RefundFen - back)} 元已用于支出，不从本户账退还）";
        if (back > 0)
            await ledger.PostAsync(new FundPosting(share.HouseholdId, FundEntryKind.Refund, -back, refund.SourceKey, memo,
                share.CampaignId, topUp, refund.By), ct);
        FundEvents.TopUpProgress(outbox, await db.FundTopUpCampaigns.AsNoTracking().SingleAsync(c => c.Id == share.CampaignId, ct));
    }

    /// <summary>
    /// WeChat closed or refused the refund, so the money never left: a correction entry (positive, naming the refund entry)
    /// puts it back on the household, and the share is paid again as far as it still owes it.
    /// </summary>
    public async Task RefundReleasedAsync(TopUpRefund refund, CancellationToken ct)
    {
        var share = await db.FundTopUpShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == refund.ShareId, ct);
        if (share is null)
            return;
        if (await OwedPayments.TakeAsync(db.FundTopUpShares, share.Id, refund.RefundFen, ct))
        {
            var nowComplete = await db.FundTopUpShares.AsNoTracking().Where(s => s.Id == share.Id)
                .Select(s => s.PaidFen == s.AmountFen ? 1 : 0).SingleAsync(ct);
            await db.FundTopUpCampaigns.Where(c => c.Id == share.CampaignId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PaidFen, c => c.PaidFen + refund.RefundFen)
                .SetProperty(c => c.PaidHouseholds, c => c.PaidHouseholds + nowComplete), ct);
        }
        var entry = await db.FundEntries.AsNoTracking().Where(e => e.SourceKey == refund.SourceKey)
            .Select(e => new { e.Id, e.AmountFen }).SingleOrDefaultAsync(ct);
        if (entry is not null)
            await ledger.PostAsync(new FundPosting(share.HouseholdId, FundEntryKind.Correction, -entry.AmountFen, refund.ReleasedSourceKey,
                "退款未成功，款项回到本户账", share.CampaignId, entry.Id), ct);
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
