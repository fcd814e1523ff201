using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>
/// Which area each fund split counts by: building area (建筑面积) for deposits, per-m² top-ups and works charges (Order 165
/// Arts. 7 and 22), exclusive area (专有部分面积) for common-part income (Civil Code Art. 283), the community's setting where
/// the owners' rules chose otherwise, and <c>areaBasis</c> on every split.
/// </summary>
/// <remarks>
/// Every community here has three units whose areas make the two bases give different figures:
/// A 60.00 m² exclusive / 70.00 m² building, B 30.00 / 40.00, C 10.00 / 20.00 (totals 100.00 and 130.00).
/// The expected figures are worked out by hand in the comments, not by the product's code.
/// </remarks>
public sealed class AreaBasisTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);

    private static readonly (long Exclusive, long? Building)[] Units = [(6_000, 7_000), (3_000, 4_000), (1_000, 2_000)];

    /// <summary>A community of <see cref="Units"/> with its fund open (one account), and the chair's client.</summary>
    private async Task<(Guid CommunityId, List<Guid> Units, HttpClient Chair)> OpenFund(params (long Exclusive, long? Building)[] units)
    {
        var (communityId, unitIds) = await FundArrange.NewCommunityWithAreas(api, 1, units.Length == 0 ? Units : units);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        return (communityId, unitIds, chair);
    }

    /// <summary>Each unit's figure, in the order of <see cref="Units"/>.</summary>
    private async Task<List<long>> PerUnit(List<Guid> unitIds, Func<FundHousehold, long> figure)
    {
        var households = await Task.WhenAll(unitIds.Select(_fund.Household));
        return households.Select(figure).ToList();
    }

    private async Task<WorksChargeResult> ChargeWorks(Guid communityId, HttpClient chair, long costFen)
    {
        var plan = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/works-plans", new
        {
            title = "屋面防水", category = "Roof", items = "屋面", budgetFen = costFen, scope = "Community", bearerIds = Array.Empty<Guid>(),
        })).ShouldBe<WorksPlanView>(HttpStatusCode.Created);
        await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/approve", new { emergency = true })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        return await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/charge", new { actualCostFen = costFen }))
            .ShouldBe<WorksChargeResult>(HttpStatusCode.OK);
    }

    private static List<long> SharesInUnitOrder(WorksChargeResult result, List<Guid> unitIds) =>
        unitIds.Select(u => result.Shares.Single(s => s.UnitId == u).ShareFen).ToList();

    [Fact]
    public async Task FundDepositsUseBuildingArea()
    {
        var (communityId, units, chair) = await OpenFund();
        var opening = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_050 }))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        Assert.Equal(AreaKind.Building, opening.AreaBasis);
        // 70 m² × 100.50 元 = 7035.00 元; 40 m² → 4020.00; 20 m² → 2010.00 (by exclusive area it would be 6030, 3015, 1005).
        Assert.Equal([703_500, 402_000, 201_000], await PerUnit(units, h => h.InitialDepositFen));
        var memos = await api.WithDb(db => db.FundEntries.AsNoTracking().Where(e => e.Kind == FundEntryKind.Deposit
            && db.FundHouseholds.Any(h => h.Id == e.HouseholdId && h.CommunityId == communityId)).Select(e => e.Memo).ToListAsync());
        Assert.All(memos, m => Assert.Contains("按建筑面积", m));
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task TopUpSharesUseBuildingArea()
    {
        var (communityId, units, chair) = await OpenFund();
        var vote = await _fund.ClosedVote(communityId, Matter.RaiseMaintenanceFund, passed: true);
        var campaign = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/top-up-campaigns", new
        {
            voteId = vote, title = "按面积续筹", basis = "PerSquareMetre", ratePerSqmFen = 1_000, dueBy = api.Clock.GetUtcNow().AddMonths(3),
        })).ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);
        Assert.Equal(AreaKind.Building, campaign.AreaBasis);
        // 10.00 元/m² × 70, 40, 20 m² (by exclusive area: 600, 300, 100 元).
        var shares = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().Where(s => s.CampaignId == campaign.Id).ToListAsync());
        Assert.Equal([70_000, 40_000, 20_000], units.Select(u => shares.Single(s => s.UnitId == u).AmountFen).ToList());
        Assert.Equal(AreaKind.Building, (await api.WithDb(db => db.FundTopUpCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id))).AreaBasis);
    }

    [Fact]
    public async Task A_shortfall_top_up_counts_no_area()
    {
        var (communityId, _, chair) = await OpenFund();
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_000 }))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        var household = (await _fund.Households(communityId))[0];
        await _fund.Post(new FundPosting(household.Id, FundEntryKind.WorksCharge, -1_000, $"spend:{household.Id}", "支出"));
        var vote = await _fund.ClosedVote(communityId, Matter.RaiseMaintenanceFund, passed: true);
        var campaign = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/top-up-campaigns", new
        {
            voteId = vote, title = "补足续筹", basis = "Shortfall", dueBy = api.Clock.GetUtcNow().AddMonths(3),
        })).ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);
        Assert.Null(campaign.AreaBasis);
        Assert.Equal(1_000, campaign.DueFen);
    }

    [Fact]
    public async Task WorksChargesUseBuildingArea()
    {
        var (communityId, units, chair) = await OpenFund();
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_000 }))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        var result = await ChargeWorks(communityId, chair, 1_000);
        Assert.Equal(AreaKind.Building, result.AreaBasis);
        // 1000 fen × 70/130, 40/130, 20/130 = 538.46, 307.69, 153.85: floors 538 + 307 + 153 = 998, the two fen left go to
        // the largest remainders (.85, then .69). By exclusive area it would be 600, 300, 100.
        Assert.Equal([538, 308, 154], SharesInUnitOrder(result, units));
        Assert.Equal([7_000, 4_000, 2_000], units.Select(u => result.Shares.Single(s => s.UnitId == u).AreaHundredths).ToList());
        var plans = await (await chair.GetAsync($"/api/v1/communities/{communityId}/fund/works-plans")).ShouldBe<List<WorksPlanView>>(HttpStatusCode.OK);
        Assert.Equal(AreaKind.Building, plans.Single(p => p.Id == result.PlanId).AreaBasis);
        var memos = await api.WithDb(db => db.FundEntries.AsNoTracking().Where(e => e.ReferenceId == result.PlanId).Select(e => e.Memo).ToListAsync());
        Assert.Equal(3, memos.Count);
        Assert.All(memos, m => Assert.StartsWith("维修分摊（按建筑面积）", m));
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task CommonIncomeUsesExclusiveAreaByDefault()
    {
        var (communityId, units, chair) = await OpenFund();
        var result = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "CommonPartIncome", amountFen = 1_000, reference = "GG-2026-01" })).ShouldBe<AllocationResult>(HttpStatusCode.OK);
        Assert.Equal(AreaKind.Exclusive, result.AreaBasis);
        // 1000 fen × 60/100, 30/100, 10/100 (by building area it would be 538, 308, 154).
        Assert.Equal([600, 300, 100], await PerUnit(units, h => h.BalanceFen));
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task Interest_is_still_split_by_balance_and_names_no_area()
    {
        var (communityId, units, chair) = await OpenFund();
        var households = await Task.WhenAll(units.Select(_fund.Household));
        // Balances 1, 1, 2 (fen × 1000) against areas 70:40:20 and 60:30:10: neither area gives 250, 250, 500.
        long[] balances = [100_000, 100_000, 200_000];
        for (var i = 0; i < 3; i++)
            await _fund.Post(new FundPosting(households[i].Id, FundEntryKind.Deposit, balances[i], $"dep:{households[i].Id}", "交存"));
        var result = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "Interest", amountFen = 1_000, reference = "LX-2026-01" })).ShouldBe<AllocationResult>(HttpStatusCode.OK);
        Assert.Null(result.AreaBasis);
        Assert.Equal([100_250, 100_250, 200_500], await PerUnit(units, h => h.BalanceFen));
    }

    [Fact]
    public async Task CommunitySettingChoosesOtherArea()
    {
        var (communityId, units, chair) = await OpenFund();
        var defaults = await (await chair.GetAsync($"/api/v1/communities/{communityId}/fund/settings")).ShouldBe<FundSettingsView>(HttpStatusCode.OK);
        Assert.Equal((AreaKind.Building, AreaKind.Exclusive, AreaKind.Exclusive), (defaults.ChargesArea, defaults.CommonIncomeArea, defaults.VotesArea));

        // A per-m² campaign raised before the change keeps the area it counted by.
        var vote = await _fund.ClosedVote(communityId, Matter.RaiseMaintenanceFund, passed: true);
        var before = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/top-up-campaigns", new
        {
            voteId = vote, title = "改前续筹", basis = "PerSquareMetre", ratePerSqmFen = 1_000, dueBy = api.Clock.GetUtcNow().AddMonths(3),
        })).ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);

        var changed = await (await chair.PutJson($"/api/v1/communities/{communityId}/fund/settings",
            new { chargesArea = "Exclusive", commonIncomeArea = "Building" })).ShouldBe<FundSettingsView>(HttpStatusCode.OK);
        Assert.Equal((AreaKind.Exclusive, AreaKind.Building, AreaKind.Exclusive), (changed.ChargesArea, changed.CommonIncomeArea, changed.VotesArea));
        var chairId = await api.WithDb(db => db.Users.Where(u => u.OpenId == AuthApi.DevOpenId("chair-a")).Select(u => u.Id).SingleAsync());
        Assert.True(await api.WithDb(db => db.AuditLog.AnyAsync(a => a.EntityType == nameof(FundSettings)
            && a.EntityId == communityId.ToString() && a.Action == "created" && a.ActorUserId == chairId)));

        var opening = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_050 }))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        Assert.Equal(AreaKind.Exclusive, opening.AreaBasis);
        // 60, 30, 10 m² × 100.50 元.
        Assert.Equal([603_000, 301_500, 100_500], await PerUnit(units, h => h.InitialDepositFen));

        var works = await ChargeWorks(communityId, chair, 1_000);
        Assert.Equal(AreaKind.Exclusive, works.AreaBasis);
        Assert.Equal([600, 300, 100], SharesInUnitOrder(works, units));

        var balancesBefore = await PerUnit(units, h => h.BalanceFen);
        var income = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "CommonPartIncome", amountFen = 1_000, reference = "GG-2026-02" })).ShouldBe<AllocationResult>(HttpStatusCode.OK);
        Assert.Equal(AreaKind.Building, income.AreaBasis);
        var balancesAfter = await PerUnit(units, h => h.BalanceFen);
        Assert.Equal([538, 308, 154], balancesAfter.Zip(balancesBefore, (a, b) => a - b).ToList());

        var campaigns = await (await chair.GetAsync($"/api/v1/communities/{communityId}/fund/top-up-campaigns")).ShouldBe<List<TopUpCampaignView>>(HttpStatusCode.OK);
        Assert.Equal(AreaKind.Building, campaigns.Single(c => c.Id == before.Id).AreaBasis);
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task Only_the_committee_changes_the_setting_and_both_areas_must_be_named()
    {
        var demo = await Demo.Of(api);
        var resident = await api.ClientFor("resident-a");
        var seen = await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund/settings")).ShouldBe<FundSettingsView>(HttpStatusCode.OK);
        Assert.Equal(AreaKind.Building, seen.LawChargesArea);
        await (await resident.PutJson($"/api/v1/communities/{demo.CommunityA}/fund/settings",
            new { chargesArea = "Exclusive", commonIncomeArea = "Exclusive" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PutJson($"/api/v1/communities/{demo.CommunityA}/fund/settings", new { chargesArea = "Exclusive" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chair.PutJson($"/api/v1/communities/{demo.CommunityA}/fund/settings", new { chargesArea = "Floor", commonIncomeArea = "Exclusive" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.False(await api.WithDb(db => db.FundSettings.AnyAsync(s => s.CommunityId == demo.CommunityA)));
    }

    [Fact]
    public async Task A_split_by_building_area_over_a_unit_without_one_is_refused_and_writes_nothing()
    {
        var (communityId, units, chair) = await OpenFund((6_000, 7_000), (3_000, null));
        var problem = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_000 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unit_building_area_missing");
        Assert.Contains("1幢 102", problem.GetProperty("detail").GetString());
        Assert.All(await _fund.Households(communityId), h => Assert.Equal(0, h.InitialDepositFen));
        Assert.Null((await _fund.Account(communityId)).OpeningPostedAt);
        Assert.Equal(0, (await _fund.Account(communityId)).EntryCount);

        // Entering the building area in the register (the city keeps it) lets the same request through.
        var committee = await api.ClientFor("city-admin");
        var unit = await api.WithDb(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == units[1]));
        await (await committee.PutJson($"/api/v1/units/{unit.Id}", new
        {
            exclusiveAreaHundredths = 3_000, areaBasis = "Registered", certificateNumber = unit.CertificateNumber, ownerPartyId = unit.OwnerPartyId,
            buildingAreaHundredths = 3_900,
        })).ShouldBe<UnitView>(HttpStatusCode.OK);
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_000 }))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        Assert.Equal([700_000, 390_000], await PerUnit(units, h => h.InitialDepositFen));
    }
}
