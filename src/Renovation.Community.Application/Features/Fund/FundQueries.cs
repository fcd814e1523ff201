using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>Reading the fund: the committee, street and city see every household; a resident sees their own.</summary>
public static class FundQueries
{
    public static async Task<Ok<FundAccountView>> AccountAsync(Guid communityId, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewFund, ct);
        return TypedResults.Ok(await AccountViewAsync(communityId, db, ct));
    }

    public static async Task<Ok<List<HouseholdView>>> HouseholdsAsync(Guid communityId, bool? lowOnly, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewFund, ct);
        await RequireOpenedAsync(communityId, db, ct);
        var views = await HouseholdViewsAsync(db.FundHouseholds.Where(h => h.CommunityId == communityId), db, ct);
        return TypedResults.Ok(lowOnly == true ? views.Where(v => v.LowBalance).ToList() : views);
    }

    /// <summary>The household sub-ledger of a unit: its residents, or the fund's readers of the community.</summary>
    public static async Task<Ok<HouseholdLedgerView>> UnitLedgerAsync(Guid unitId, Access access, AppDbContext db, CancellationToken ct)
    {
        AppProblem NotFound() => AppProblem.NotFound("fund_household_not_found", "分户账不存在或您无权查看");
        var household = await db.FundHouseholds.AsNoTracking().SingleOrDefaultAsync(h => h.UnitId == unitId, ct) ?? throw NotFound();
        var scope = await access.ScopeAsync(ct);
        if (!scope.Units.Any(u => u.UnitId == unitId))
            await access.RequireAsync(household.CommunityId, Permission.ViewFund, ct, NotFound);
        var view = (await HouseholdViewsAsync(db.FundHouseholds.Where(h => h.Id == household.Id), db, ct)).Single();
        var entries = await db.FundEntries.AsNoTracking().Where(e => e.HouseholdId == household.Id).OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return TypedResults.Ok(new HouseholdLedgerView(view, entries.Select(FundViews.Of).ToList()));
    }

    /// <summary>The caller's own households, with what each owes and can pay now.</summary>
    public static async Task<Ok<List<MyHouseholdView>>> MineAsync(Access access, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unitIds = (await access.ScopeAsync(ct)).Units.Select(u => u.UnitId).ToList();
        var result = new List<MyHouseholdView>();
        foreach (var view in await HouseholdViewsAsync(db.FundHouseholds.Where(h => unitIds.Contains(h.UnitId)), db, ct))
            result.Add(new MyHouseholdView(view, await OwingAsync(view.HouseholdId, db, clock.GetUtcNow(), ct)));
        return TypedResults.Ok(result);
    }

    internal static async Task<List<OwingView>> OwingAsync(Guid householdId, AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var shares = await (from s in db.FundTopUpShares.AsNoTracking()
                            where s.HouseholdId == householdId && s.PaidFen < s.AmountFen
                            join c in db.FundTopUpCampaigns.AsNoTracking() on s.CampaignId equals c.Id
                            where c.State == TopUpCampaignState.Open
                            select new { s.Id, s.AmountFen, s.PaidFen, Campaign = c })
            .ToListAsync(ct);
        var dues = await (from d in db.FundDues
                          where d.HouseholdId == householdId && d.PaidFen < d.AmountFen
                          join p in db.FundWorksPlans on d.PlanId equals p.Id
                          select new OwingView(TopUpPurpose.DueName, d.Id, p.Title, d.AmountFen, d.PaidFen, d.AmountFen - d.PaidFen,
                              d.AmountFen - d.PaidFen, null))
            .ToListAsync(ct);
        return [.. shares.Select(s =>
        {
            var instalments = TopUpSchedule.Of(s.Campaign, s.AmountFen, s.PaidFen, now);
            return new OwingView(TopUpPurpose.TopUpName, s.Id, s.Campaign.Title, s.AmountFen, s.PaidFen, s.AmountFen - s.PaidFen,
                TopUpSchedule.NextUnpaid(instalments)?.OwingFen ?? 0, instalments);
        }), .. dues];
    }

    /// <summary>404 fund_not_opened unless the community has opened its fund (one account, or one per building).</summary>
    internal static async Task RequireOpenedAsync(Guid communityId, AppDbContext db, CancellationToken ct)
    {
        if (!await db.FundAccounts.AnyAsync(a => a.CommunityId == communityId, ct))
            throw AppProblem.NotFound("fund_not_opened", "该小区尚未建立维修资金账户");
    }

    /// <summary>The community's accounts and their sums; each account's balance is read with its households' sum.</summary>
    internal static async Task<FundAccountView> AccountViewAsync(Guid communityId, AppDbContext db, CancellationToken ct)
    {
        // One statement reads every account with its households' sum, so the figures are of the same moment.
        var rows = await db.FundAccounts.AsNoTracking().Where(a => a.CommunityId == communityId).Select(a => new
        {
            a.Id,
            a.BuildingId,
            Building = db.Buildings.Where(b => b.Id == a.BuildingId).Select(b => b.Name).FirstOrDefault(),
            a.BalanceFen,
            a.EntryCount,
            a.LowBalancePercent,
            a.OpeningPostedAt,
            Sum = db.FundHouseholds.Where(h => h.AccountId == a.Id).Sum(h => (long?)h.BalanceFen) ?? 0,
            Count = db.FundHouseholds.Count(h => h.AccountId == a.Id),
            Low = db.FundHouseholds.Count(h => h.AccountId == a.Id && h.InitialDepositFen > 0
                                               && h.BalanceFen * 100 < h.InitialDepositFen * a.LowBalancePercent),
        }).ToListAsync(ct);
        if (rows.Count == 0)
            throw AppProblem.NotFound("fund_not_opened", "该小区尚未建立维修资金账户");
        var lines = rows.OrderBy(r => r.Building).Select(r => new FundAccountLine(r.Id, r.BuildingId, r.Building, r.BalanceFen, r.Sum,
            r.EntryCount, r.Count, r.Low, r.OpeningPostedAt)).ToList();
        var perBuilding = rows.Any(r => r.BuildingId is not null);
        return new FundAccountView(perBuilding ? null : rows[0].Id, communityId,
            (perBuilding ? FundAccountMode.PerBuilding : FundAccountMode.Community).ToString(), lines.Sum(l => l.BalanceFen),
            lines.Sum(l => l.HouseholdsSumFen), lines.Sum(l => l.EntryCount), lines.Sum(l => l.Households), lines.Sum(l => l.LowBalanceHouseholds),
            rows[0].LowBalancePercent, rows.Any(r => r.OpeningPostedAt is null) ? null : rows.Max(r => r.OpeningPostedAt), lines);
    }

    private static async Task<List<HouseholdView>> HouseholdViewsAsync(IQueryable<FundHousehold> households, AppDbContext db,
        CancellationToken ct)
    {
        var rows = await (from h in households.AsNoTracking()
                          join u in db.Units on h.UnitId equals u.Id
                          join a in db.FundAccounts on h.AccountId equals a.Id
                          orderby u.Building!.Name, u.Number
                          select new
                          {
                              h.Id, h.UnitId, h.AccountId, a.LowBalancePercent, Building = u.Building!.Name, u.Number, u.ExclusiveAreaHundredths, u.BuildingAreaHundredths, h.InitialDepositFen, h.BalanceFen,
                              TopUp = db.FundTopUpShares.Where(s => s.HouseholdId == h.Id
                                      && db.FundTopUpCampaigns.Any(c => c.Id == s.CampaignId && c.State == TopUpCampaignState.Open))
                                  .Sum(s => (long?)(s.AmountFen - s.PaidFen)) ?? 0,
                              Due = db.FundDues.Where(d => d.HouseholdId == h.Id).Sum(d => (long?)(d.AmountFen - d.PaidFen)) ?? 0,
                          }).ToListAsync(ct);
        return rows.Select(r => new HouseholdView(r.Id, r.UnitId, r.AccountId, r.Building, r.Number, r.ExclusiveAreaHundredths,
            r.InitialDepositFen, r.BalanceFen, FundHousehold.IsLow(r.BalanceFen, r.InitialDepositFen, r.LowBalancePercent), r.TopUp,
            r.Due, r.BuildingAreaHundredths)).ToList();
    }
}
