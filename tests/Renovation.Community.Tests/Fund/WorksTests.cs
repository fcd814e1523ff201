using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Money;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>Spending: matter-5 or emergency approval, split by building area in whole fen, developer units, no negative balance.</summary>
public sealed class WorksTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);

    private async Task<WorksPlanView> Draft(string user, Guid communityId, string category, string scope, IEnumerable<Guid>? bearers = null)
    {
        var client = await api.ClientFor(user);
        return await (await client.PostJson($"/api/v1/communities/{communityId}/fund/works-plans", new
        {
            title = "测试维修", category, items = "项目 1", budgetFen = 1_000_000, scope, bearerIds = bearers?.ToList() ?? [],
        })).ShouldBe<WorksPlanView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Spending_needs_a_passed_matter_5_vote_or_an_emergency_category()
    {
        var demo = await Demo.Of(api);
        var plan = await Draft("property-a", demo.CommunityA, "Other", "Community");
        var chair = await api.ClientFor("chair-a");
        var approve = $"/api/v1/fund/works-plans/{plan.Id}/approve";
        await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/charge", new { actualCostFen = 100 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "works_plan_not_approved");
        await (await chair.PostJson(approve, new { })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "works_approval_missing");
        await (await chair.PostJson(approve, new { emergency = true })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "works_not_emergency");
        await (await chair.PostJson(approve, new { voteId = await _fund.ClosedVote(demo.CommunityA, Matter.RaiseMaintenanceFund, true) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "works_vote_wrong_matter");
        await (await chair.PostJson(approve, new { voteId = await _fund.ClosedVote(demo.CommunityA, Matter.UseMaintenanceFund, false) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "works_vote_not_passed");
        await (await chair.PostJson(approve, new { voteId = await _fund.ClosedVote(demo.CommunityB, Matter.UseMaintenanceFund, true) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "works_vote_not_found");
        var property = await api.ClientFor("property-a");
        await (await property.PostJson(approve, new { emergency = true })).ShouldBeProblem(HttpStatusCode.Forbidden);

        var vote = await _fund.ClosedVote(demo.CommunityA, Matter.UseMaintenanceFund, true);
        var approved = await (await chair.PostJson(approve, new { voteId = vote })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        Assert.Equal(vote, approved.VoteId);
        Assert.False(approved.Emergency);

        var lift = await Draft("committee-a", demo.CommunityA, "Lift", "Community");
        var emergency = await (await chair.PostJson($"/api/v1/fund/works-plans/{lift.Id}/approve", new { emergency = true }))
            .ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        Assert.True(emergency.Emergency);
        Assert.Null(emergency.VoteId);
    }

    [Fact]
    public async Task The_street_may_apply_for_an_emergency_use_which_is_published_afterwards_marked_as_emergency()
    {
        var demo = await Demo.Of(api);
        var roof = await Draft("property-a", demo.CommunityA, "Roof", "Community");
        var approve = $"/api/v1/fund/works-plans/{roof.Id}/approve";
        var street = await api.ClientFor("street-officer");
        // The street applies for emergency uses only; approving by a vote stays the committee's.
        await (await street.PostJson(approve, new { voteId = await _fund.ClosedVote(demo.CommunityA, Matter.UseMaintenanceFund, true) }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { "resident-a", "property-a" })
            await (await (await api.ClientFor(outsider)).PostJson(approve, new { emergency = true })).ShouldBeProblem(HttpStatusCode.Forbidden);
        var answers = await Race.Run(Race.DefaultRacers, () => street.PostJson(approve, new { emergency = true }));
        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Conflict, "works_plan_not_drafted");
        var approved = answers.Winner.As<WorksPlanView>();
        Assert.True(approved.Emergency);
        Assert.Equal("Street", approved.EmergencyApplicant);

        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/fund/works-plans/{roof.Id}/charge", new { actualCostFen = 12_345 })).ShouldBe<WorksChargeResult>(HttpStatusCode.OK);
        var plans = await (await chair.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund/works-plans")).ShouldBe<List<WorksPlanView>>(HttpStatusCode.OK);
        var charged = plans.Single(p => p.Id == roof.Id);
        var notice = await api.WithDb(db => db.Notices.AsNoTracking().SingleAsync(n => n.Id == charged.PublicationNoticeId));
        Assert.Equal(demo.CommunityA, notice.CommunityId);
        Assert.StartsWith("维修资金应急使用事后公示", notice.Title);
        Assert.Contains("街道办事处", notice.Body);
        Assert.Contains("123.45", notice.Body);

        // A plan the owners voted for is not an emergency use: nothing is published afterwards.
        var voted = await Draft("committee-a", demo.CommunityA, "Other", "Community");
        await (await chair.PostJson($"/api/v1/fund/works-plans/{voted.Id}/approve",
            new { voteId = await _fund.ClosedVote(demo.CommunityA, Matter.UseMaintenanceFund, true) })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        await (await chair.PostJson($"/api/v1/fund/works-plans/{voted.Id}/charge", new { actualCostFen = 500 })).ShouldBe<WorksChargeResult>(HttpStatusCode.OK);
        plans = await (await chair.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund/works-plans")).ShouldBe<List<WorksPlanView>>(HttpStatusCode.OK);
        Assert.Null(plans.Single(p => p.Id == voted.Id).PublicationNoticeId);
        await _fund.AssertInvariant(demo.CommunityA);
    }

    [Fact]
    public async Task The_cost_is_split_by_building_area_in_whole_fen_and_the_uncovered_part_becomes_an_amount_due()
    {
        var demo = await Demo.Of(api);
        var households = (await _fund.Households(demo.CommunityB)).Where(h => h.BalanceFen == h.InitialDepositFen).Take(5).ToList();
        // Empty one household first: its whole share must become an amount due, never a negative balance.
        var emptied = households[0];
        await _fund.Post(new FundPosting(emptied.Id, FundEntryKind.WorksCharge, -emptied.BalanceFen, $"empty:{emptied.Id}", "清空"));
        var plan = await Draft("committee-b", demo.CommunityB, "Roof", "Units", households.Select(h => h.UnitId));
        var chair = await api.ClientFor("committee-b");
        await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/approve", new { emergency = true })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        const long cost = 1_000_003;
        var answers = await Race.Run(Race.DefaultRacers, () => chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/charge", new { actualCostFen = cost }));
        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Conflict, "works_plan_not_approved");

        var areas = await api.WithDb(db => db.Units.AsNoTracking().Where(u => households.Select(h => h.UnitId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.BuildingAreaHundredths!.Value));
        var ordered = households.OrderBy(h => h.Id).ToList();
        var expected = LargestRemainder.Split(cost, ordered.Select(h => areas[h.UnitId]).ToList());
        var totalArea = (decimal)areas.Values.Sum();
        var charges = await api.WithDb(db => db.FundEntries.AsNoTracking().Where(e => e.ReferenceId == plan.Id).ToListAsync());
        var dues = await api.WithDb(db => db.FundDues.AsNoTracking().Where(d => d.PlanId == plan.Id).ToListAsync());
        for (var i = 0; i < ordered.Count; i++)
        {
            var h = ordered[i];
            var charged = -charges.Where(e => e.HouseholdId == h.Id).Sum(e => e.AmountFen);
            var due = dues.Where(d => d.HouseholdId == h.Id).Sum(d => d.AmountFen);
            Assert.Equal(expected[i], charged + due);
            Assert.True(Math.Abs(expected[i] - cost * areas[h.UnitId] / totalArea) < 1m);
        }
        Assert.Equal(cost, -charges.Sum(e => e.AmountFen) + dues.Sum(d => d.AmountFen));
        Assert.Equal(0, (await _fund.Household(emptied.UnitId)).BalanceFen);
        Assert.Equal(expected[ordered.FindIndex(h => h.Id == emptied.Id)], dues.Single(d => d.HouseholdId == emptied.Id).AmountFen);
        await _fund.AssertInvariant(demo.CommunityB);
    }

    [Fact]
    public async Task The_developer_party_bears_the_share_of_its_unsold_units()
    {
        var demo = await Demo.Of(api);
        var developerUnits = await api.WithDb(db => db.Units.AsNoTracking().Where(u => u.CommunityId == demo.CommunityB
            && db.OwnerParties.Any(p => p.Id == u.OwnerPartyId && p.Kind == OwnerPartyKind.Developer)).ToListAsync());
        Assert.NotEmpty(developerUnits);
        var building = developerUnits[0].BuildingId;
        var plan = await Draft("committee-b", demo.CommunityB, "ExternalWall", "Buildings", [building]);
        var committee = await api.ClientFor("committee-b");
        await (await committee.PostJson($"/api/v1/fund/works-plans/{plan.Id}/approve", new { emergency = true })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        var result = await (await committee.PostJson($"/api/v1/fund/works-plans/{plan.Id}/charge", new { actualCostFen = 2_000_000 }))
            .ShouldBe<WorksChargeResult>(HttpStatusCode.OK);
        var inBuilding = await api.WithDb(db => db.Units.AsNoTracking().Where(u => u.BuildingId == building).ToListAsync());
        Assert.Equal(inBuilding.Count, result.Shares.Count);
        var totalArea = (decimal)inBuilding.Sum(u => u.BuildingAreaHundredths!.Value);
        foreach (var unit in developerUnits.Where(u => u.BuildingId == building))
        {
            var share = result.Shares.Single(s => s.UnitId == unit.Id);
            Assert.True(Math.Abs(share.ShareFen - 2_000_000 * unit.BuildingAreaHundredths!.Value / totalArea) < 1m);
            Assert.Equal(share.ShareFen, share.ChargedFen + share.DueFen);
        }
        Assert.Equal(2_000_000, result.Shares.Sum(s => s.ShareFen));
        await _fund.AssertInvariant(demo.CommunityB);
    }
}
