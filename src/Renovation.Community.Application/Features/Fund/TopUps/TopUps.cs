using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Voting;

using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

/// <param name="DueBy">The due date of the first (or only) instalment.</param>
/// <param name="Instalments">Optional schedule: how many instalments (default 1), due every <paramref name="IntervalMonths"/> months from
/// <paramref name="DueBy"/>; the last must fall within three years of today (422 top_up_schedule_too_long).</param>
public sealed record CreateTopUpRequest(Guid VoteId, string Title, TopUpBasis Basis, long? RatePerSqmFen, DateTimeOffset DueBy,
    int? Instalments = null, int? IntervalMonths = null) : IValidatable
{
    public void Validate(Validator v)
    {
        v.NotEmpty(VoteId, "voteId", "批准续筹的表决（事项 6）").Text(Title, "title", "续筹名称", 100)
            .Range(Instalments ?? 1, 1, TopUpCampaign.MaxMonths, "instalments", $"分期数应为 1 至 {TopUpCampaign.MaxMonths}");
        if (Instalments > 1)
            v.Range(IntervalMonths ?? 0, 1, TopUpCampaign.MaxMonths, "intervalMonths", $"分期续筹须填写每期间隔月数（1 至 {TopUpCampaign.MaxMonths}）");
    }
}

public sealed record OfflineTopUpRequest(long AmountFen, string Note) : IValidatable
{
    public void Validate(Validator v) => v.Range(AmountFen, 1, 100_000_000, "amountFen", "金额应大于 0").Text(Note, "note", "收款说明", 200);
}

/// <param name="DueBy">The first (or only) instalment's due date.</param>
/// <param name="DueDates">Every instalment's due date, first to last; money is taken until the last.</param>
/// <param name="AreaBasis">The area a PerSquareMetre campaign counted its shares by (Building by law); null for Shortfall.</param>
public sealed record TopUpCampaignView(Guid Id, Guid VoteId, string Title, string Basis, long? RatePerSqmFen, DateTimeOffset DueBy,
    string State, long DueFen, long PaidFen, int Households, int PaidHouseholds, int Instalments, int IntervalMonths,
    IReadOnlyList<DateTimeOffset> DueDates, AreaKind? AreaBasis);

/// <param name="OverdueFen">What is unpaid of the instalments whose due date has passed.</param>
/// <param name="NextDueBy">The due date of the earliest instalment not paid in full.</param>
public sealed record UnpaidShareView(Guid ShareId, Guid UnitId, string Building, string Unit, long AmountFen, long PaidFen, long OwingFen,
    long OverdueFen, int OverdueInstalments, DateTimeOffset? NextDueBy, IReadOnlyList<InstalmentView> Instalments);

public sealed record OfflineTopUpView(Guid Id, Guid ShareId, long AmountFen, string Note, Guid EnteredBy, Guid? ConfirmedBy, DateTimeOffset? ConfirmedAt);

/// <summary>Top-up campaigns (续筹): raised from a passed matter-6 vote, paid per household online or offline.</summary>
public static class TopUps
{
    public static async Task<Created<TopUpCampaignView>> CreateAsync(Guid communityId, CreateTopUpRequest request, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.RunFund, ct);
        await FundQueries.RequireOpenedAsync(communityId, db, ct);
        var outcome = await VoteOutcomes.FindAsync(db, request.VoteId, ct);
        if (outcome is null || outcome.CommunityId != communityId)
            throw new DomainRuleViolation("top_up_vote_not_found", "续筹须依据本小区的业主共同决定，未找到该表决");
        if (outcome.Matter != Matter.RaiseMaintenanceFund)
            throw new DomainRuleViolation("top_up_vote_wrong_matter", "续筹须依据“筹集建筑物及其附属设施的维修资金”事项（事项 6）的表决");
        if (!outcome.Passed)
            throw new DomainRuleViolation("top_up_vote_not_passed", "该表决尚未结束或未获通过，不能发起续筹");
        AppProblem Exists() => AppProblem.Conflict("top_up_campaign_exists", "该表决已经发起过续筹");
        if (await db.FundTopUpCampaigns.AnyAsync(c => c.VoteId == request.VoteId, ct))
            throw Exists();

        var campaign = new TopUpCampaign(communityId, request.VoteId, request.Title, request.Basis, request.RatePerSqmFen,
            request.DueBy, access.UserId, clock.GetUtcNow(), request.Instalments ?? 1, request.IntervalMonths ?? 0);
        var households = await db.FundHouseholds.AsNoTracking().Where(h => h.CommunityId == communityId).OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.UnitId, h.BalanceFen, h.InitialDepositFen }).ToListAsync(ct);
        // Per m², the shares count by building area (Order 165 Art. 7 deposits by it, so topping it up does too) unless
        // the owners' rules chose otherwise; a shortfall counts no area.
        var kind = await SplitAreas.KindAsync(db, communityId, SplitPurpose.Charges, ct);
        campaign.CountsBy(kind);
        var areas = request.Basis == TopUpBasis.PerSquareMetre
            ? await SplitAreas.OfAsync(db, households.Select(h => h.Id).ToList(), kind, ct)
            : new Dictionary<Guid, long>();
        foreach (var h in households)
        {
            var owed = request.Basis == TopUpBasis.Shortfall
                ? Math.Max(0, h.InitialDepositFen - h.BalanceFen)
                : (areas[h.Id] * request.RatePerSqmFen!.Value + 50) / 100;
            if (owed < 1)
                continue;
            db.FundTopUpShares.Add(new TopUpShare(campaign.Id, communityId, h.Id, h.UnitId, owed));
            campaign.AddShare(owed);
        }
        if (campaign.Households == 0)
            throw new DomainRuleViolation("top_up_nothing_owed", "按所选方式没有需要续筹的房屋");
        db.FundTopUpCampaigns.Add(campaign);
        await db.SaveOrAnswerAsync(Exists, ct);
        return TypedResults.Created($"/api/v1/fund/top-up-campaigns/{campaign.Id}", View(campaign));
    }

    public static async Task<Ok<List<TopUpCampaignView>>> ListAsync(Guid communityId, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewFund, ct);
        var campaigns = await db.FundTopUpCampaigns.AsNoTracking().Where(c => c.CommunityId == communityId)
            .OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(campaigns.Select(View).ToList());
    }

    /// <summary>
    /// Who has not paid in full yet (the committee follows up), with what is overdue on instalments whose due date has
    /// passed; overdueOnly=true lists only those.
    /// </summary>
    public static async Task<Ok<List<UnpaidShareView>>> UnpaidAsync(Guid campaignId, bool? overdueOnly, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var campaign = await FindAsync(campaignId, access, Permission.ViewFund, db, ct);
        var rows = await (from s in db.FundTopUpShares.AsNoTracking()
                          where s.CampaignId == campaign.Id && s.PaidFen < s.AmountFen
                          join u in db.Units on s.UnitId equals u.Id
                          orderby u.Building!.Name, u.Number
                          select new { s.Id, s.UnitId, Building = u.Building!.Name, u.Number, s.AmountFen, s.PaidFen })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var views = rows.Select(r =>
        {
            var instalments = TopUpSchedule.Of(campaign, r.AmountFen, r.PaidFen, now);
            var overdue = instalments.Where(i => i.Overdue).ToList();
            return new UnpaidShareView(r.Id, r.UnitId, r.Building, r.Number, r.AmountFen, r.PaidFen, r.AmountFen - r.PaidFen,
                overdue.Sum(i => i.OwingFen), overdue.Count, TopUpSchedule.NextUnpaid(instalments)?.DueBy, instalments);
        });
        return TypedResults.Ok((overdueOnly == true ? views.Where(v => v.OverdueFen > 0) : views).ToList());
    }

    /// <summary>
    /// Closes the campaign, then gives up the households' open WeChat orders for it (closed at WeChat, or credited when
    /// WeChat already took the money), so nobody pays after the close. Money is judged by WeChat's payment time: paid
    /// before the close it is credited, paid after it is refused and refunded.
    /// </summary>
    public static async Task<Ok<TopUpCampaignView>> CloseAsync(Guid campaignId, Access access, AppDbContext db, IOpenPayments openPayments,
        TimeProvider clock, ILogger<TopUpCampaign> logger, CancellationToken ct)
    {
        var found = await FindAsync(campaignId, access, Permission.RunFund, db, ct);
        var campaign = await db.FundTopUpCampaigns.SingleAsync(c => c.Id == found.Id, ct);
        campaign.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var unpaid = await db.FundTopUpShares.AsNoTracking().Where(s => s.CampaignId == campaign.Id && s.PaidFen < s.AmountFen)
            .Select(s => s.Id).ToListAsync(ct);
        var left = await openPayments.CloseAllOpenAsync(TopUpPurpose.TopUpName, unpaid, ct);
        if (left > 0)
            logger.LogWarning("{Left} WeChat orders of closed campaign {CampaignId} could not be closed now; the payments sweep closes them at their time_expire",
                left, campaign.Id);
        return TypedResults.Ok(View(await db.FundTopUpCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id, ct)));
    }

    /// <summary>A committee member records cash or a transfer; it posts nothing until another member confirms it.</summary>
    public static async Task<Created<OfflineTopUpView>> EnterOfflineAsync(Guid shareId, OfflineTopUpRequest request, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var share = await db.FundTopUpShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shareId, ct)
            ?? throw AppProblem.NotFound("top_up_share_not_found", "续筹项目不存在");
        await access.RequireAsync(share.CommunityId, Permission.RunFund, ct,
            () => AppProblem.NotFound("top_up_share_not_found", "续筹项目不存在"));
        if (request.AmountFen > share.OwingFen)
            throw new DomainRuleViolation("top_up_overpaid", "金额超出该户尚欠的续筹款");
        var offline = new OfflineTopUp(share.Id, share.CommunityId, request.AmountFen, request.Note, access.UserId, clock.GetUtcNow());
        db.FundOfflineTopUps.Add(offline);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/fund/offline-top-ups/{offline.Id}", View(offline));
    }

    /// <summary>
    /// A second committee member confirms; the conditional UPDATE (not yet confirmed, not entered by the caller) lets
    /// exactly one confirmation through, and the top-up posts in the same transaction. The household's open WeChat Pay
    /// order for the share is given up first (closed, or credited if already paid), so the share is not charged twice:
    /// money that arrived online leaves less owing, and cash beyond it is refused (<c>top_up_not_accepted</c>).
    /// </summary>
    public static async Task<Ok<OfflineTopUpView>> ConfirmOfflineAsync(Guid offlineId, Access access, AppDbContext db,
        TopUpCredit credit, IOpenPayments openPayments, TimeProvider clock, CancellationToken ct)
    {
        AppProblem NotFound() => AppProblem.NotFound("offline_top_up_not_found", "线下缴款记录不存在");
        var offline = await db.FundOfflineTopUps.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offlineId, ct) ?? throw NotFound();
        await access.RequireAsync(offline.CommunityId, Permission.RunFund, ct, NotFound);
        var me = access.UserId;
        if (offline.EnteredBy == me)
            throw new DomainRuleViolation("offline_confirm_same_member", "线下缴款须由另一名业委会成员确认");
        await openPayments.CloseOpenAsync(TopUpPurpose.TopUpName, offline.ShareId, ct);
        await db.InTransactionAsync(async c =>
        {
            var now = clock.GetUtcNow();
            var confirmed = await db.FundOfflineTopUps.Where(o => o.Id == offlineId && o.ConfirmedBy == null && o.EnteredBy != me)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ConfirmedBy, me).SetProperty(o => o.ConfirmedAt, now), c);
            if (confirmed == 0)
                throw AppProblem.Conflict("offline_already_confirmed", "该笔线下缴款已经确认");
            var refused = await credit.ApplyAsync(offline.ShareId, offline.AmountFen, $"offline:{offline.Id}",
                $"线下缴款：{offline.Note}", me, now, c);
            if (refused is not null)
                throw new DomainRuleViolation("top_up_not_accepted", refused);
            await db.SaveChangesAsync(c);
            return true;
        }, ct);
        return TypedResults.Ok(View(await db.FundOfflineTopUps.AsNoTracking().SingleAsync(o => o.Id == offlineId, ct)));
    }

    /// <summary>Offline payments of the community, those awaiting a second member's confirmation first.</summary>
    public static async Task<Ok<List<OfflineTopUpView>>> OfflineListAsync(Guid communityId, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewFund, ct);
        var rows = await db.FundOfflineTopUps.AsNoTracking().Where(o => o.CommunityId == communityId)
            .OrderBy(o => o.ConfirmedBy != null).ThenByDescending(o => o.EnteredAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(View).ToList());
    }

    private static async Task<TopUpCampaign> FindAsync(Guid campaignId, Access access, Permission permission, AppDbContext db,
        CancellationToken ct)
    {
        AppProblem NotFound() => AppProblem.NotFound("top_up_campaign_not_found", "续筹活动不存在");
        var campaign = await db.FundTopUpCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw NotFound();
        await access.RequireAsync(campaign.CommunityId, permission, ct, NotFound);
        return campaign;
    }

    private static TopUpCampaignView View(TopUpCampaign c) => new(c.Id, c.VoteId, c.Title, c.Basis.ToString(), c.RatePerSqmFen,
        c.DueBy, c.State.ToString(), c.DueFen, c.PaidFen, c.Households, c.PaidHouseholds, c.InstalmentCount, c.IntervalMonths,
        Enumerable.Range(1, c.InstalmentCount).Select(n => TopUpSchedule.DueDate(c.DueBy, c.IntervalMonths, n)).ToList(), c.AreaBasis);

    private static OfflineTopUpView View(OfflineTopUp o) => new(o.Id, o.ShareId, o.AmountFen, o.Note, o.EnteredBy, o.ConfirmedBy, o.ConfirmedAt);
}
