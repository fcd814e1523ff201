using Microsoft.EntityFrameworkCore;
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
        // The database decides overpayment: PaidFen may only grow up to AmountFen.
        var taken = await db.FundTopUpShares.Where(s => s.Id == shareId && s.PaidFen + amountFen <= s.AmountFen)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PaidFen, x => x.PaidFen + amountFen), ct);
        if (taken == 0)
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

    /// <summary>A refund of an accepted top-up: the share owes it again and the household's ledger gives it back.</summary>
    public async Task RefundAsync(Guid shareId, long refundFen, string sourceKey, CancellationToken ct)
    {
        var share = await db.FundTopUpShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shareId, ct);
        if (share is null)
            return;
        var wasComplete = share.PaidFen == share.AmountFen ? 1 : 0;
        await db.FundTopUpShares.Where(s => s.Id == shareId && s.PaidFen >= refundFen)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PaidFen, x => x.PaidFen - refundFen), ct);
        await db.FundTopUpCampaigns.Where(c => c.Id == share.CampaignId && c.PaidFen >= refundFen).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PaidFen, c => c.PaidFen - refundFen)
            .SetProperty(c => c.PaidHouseholds, c => c.PaidHouseholds - wasComplete), ct);
        // The money already went out at WeChat; the ledger records what the balance can give back (never below zero).
        var balance = await db.FundHouseholds.AsNoTracking().Where(h => h.Id == share.HouseholdId).Select(h => h.BalanceFen).SingleAsync(ct);
        var back = Math.Min(balance, refundFen);
        if (back > 0)
            await ledger.PostAsync(new FundPosting(share.HouseholdId, FundEntryKind.Refund, -back, sourceKey, "续筹款退款",
                share.CampaignId), ct);
    }
}
