using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>One account per building (按幢立账、按户核算, Order 165 Art. 10): each account = Σ its own households.</summary>
public sealed class PerBuildingAccountTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);

    private async Task<(Guid CommunityId, List<Guid> Units, HttpClient Chair)> OpenedPerBuilding(params long[] areas)
    {
        var (communityId, units) = await FundArrange.NewCommunityInBuildings(api, 2, areas);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { mode = "PerBuilding" }))
            .ShouldBe<FundAccountView>(HttpStatusCode.Created);
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_000 }))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        return (communityId, units, chair);
    }

    [Fact]
    public async Task The_default_stays_one_account_for_the_community()
    {
        var (communityId, units) = await FundArrange.NewCommunityInBuildings(api, 2, 8000, 9000, 7000);
        var chair = await api.ClientFor("chair-a");
        var view = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { }))
            .ShouldBe<FundAccountView>(HttpStatusCode.Created);
        Assert.Equal("Community", view.Mode);
        var account = Assert.Single(view.Accounts);
        Assert.Equal(view.AccountId, account.AccountId);
        Assert.Null(account.BuildingId);
        Assert.Equal(units.Count, account.Households);
        Assert.Single(await _fund.Accounts(communityId));
    }

    [Fact]
    public async Task Per_building_opening_gives_each_building_one_account_and_racing_openings_in_either_mode_open_once()
    {
        var (communityId, units) = await FundArrange.NewCommunityInBuildings(api, 2, 8000, 9000, 7000, 6000, 5000);
        var chair = await api.ClientFor("chair-a");
        var turn = 0;
        // Half the racers ask for one account, half for one per building: whichever wins, the others get 409.
        var answers = await Race.Run(6, () => chair.PostJson($"/api/v1/communities/{communityId}/fund",
            new { mode = Interlocked.Increment(ref turn) % 2 == 0 ? "PerBuilding" : "Community" }));
        answers.ExactlyOne(HttpStatusCode.Created).OthersAre(HttpStatusCode.Conflict, "fund_exists");
        var won = answers.Winner.As<FundAccountView>();
        var accounts = await _fund.Accounts(communityId);
        Assert.Equal(won.Mode == "PerBuilding" ? 2 : 1, accounts.Count);
        var households = await _fund.Households(communityId);
        Assert.Equal(units.Count, households.Count);
        if (won.Mode == "PerBuilding")
            Assert.All(households, h => Assert.Equal(h.BuildingId, accounts.Single(a => a.Id == h.AccountId).BuildingId));

        // Opening per building again, racing: one account per building stays one.
        var (other, _) = await FundArrange.NewCommunityInBuildings(api, 3, 8000, 9000, 7000);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => chair.PostJson($"/api/v1/communities/{other}/fund", new { mode = "PerBuilding" }),
            db => db.FundAccounts.AnyAsync(a => a.CommunityId == other).ContinueWith(t => t.Result ? 1 : 0), HttpStatusCode.Created,
            HttpStatusCode.Conflict, "fund_exists");
        var three = await _fund.Accounts(other);
        Assert.Equal(3, three.Count);
        Assert.Equal(3, three.Select(a => a.BuildingId).Distinct().Count());
        Assert.All(three, a => Assert.Equal(a.BuildingId, a.BuildingKey));
    }

    [Fact]
    public async Task The_database_refuses_a_second_account_for_the_same_building()
    {
        var (communityId, _, _) = await OpenedPerBuilding(8000, 9000);
        var existing = (await _fund.Accounts(communityId))[0];
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => api.WithDb(async db =>
        {
            db.FundAccounts.Add(new FundAccount(communityId, existing.BuildingId, 30, Guid.NewGuid(), api.Clock.GetUtcNow(), opensFund: false));
            return await db.SaveChangesAsync();
        }));
        Assert.True(Renovation.Community.Application.Common.Errors.RaceLoser.IsLostRace(e));
    }

    [Fact]
    public async Task Each_building_account_equals_the_sum_of_its_households_after_every_one_of_a_random_sequence()
    {
        var (communityId, _, chair) = await OpenedPerBuilding(8956, 4521, 10000, 7733, 6100, 12050);
        var households = (await _fund.Households(communityId)).Select(h => h.Id).ToList();
        var random = new Random(20261130);
        var operations = TestDatabase.Provider == Renovation.Community.Application.Data.DatabaseProvider.Sqlite ? 2_000 : 300;
        var refused = 0;
        for (var i = 0; i < operations; i++)
        {
            var household = households[random.Next(households.Count)];
            var kind = random.Next(3) switch { 0 => FundEntryKind.WorksCharge, 1 => FundEntryKind.Refund, _ => FundEntryKind.TopUp };
            var magnitude = random.NextInt64(1, 200_000);
            try
            {
                await _fund.Post(new FundPosting(household, kind, kind == FundEntryKind.TopUp ? magnitude : -magnitude, $"pb-random:{communityId}:{i}",
                    $"随机操作 {i}"));
            }
            catch (DomainRuleViolation e) when (e.Code == "fund_balance_insufficient")
            {
                refused++;
            }
            await _fund.AssertInvariant(communityId, deep: i % 200 == 199);
        }
        // Operations across accounts: a works charge on every household, interest to the community, income to one account.
        var plan = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/works-plans", new
        {
            title = "全体维修", category = "Roof", items = "屋面", budgetFen = 100_000, scope = "Community", bearerIds = Array.Empty<Guid>(),
        })).ShouldBe<WorksPlanView>(HttpStatusCode.Created);
        await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/approve", new { emergency = true })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/charge", new { actualCostFen = 50_001 })).ShouldBe<WorksChargeResult>(HttpStatusCode.OK);
        await _fund.AssertInvariant(communityId);
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations", new { kind = "Interest", amountFen = 7_777, reference = "利息" }))
            .ShouldBe<AllocationResult>(HttpStatusCode.OK);
        await _fund.AssertInvariant(communityId);
        Assert.True(refused > 0, "the sequence met the no-negative rule");
    }

    [Fact]
    public async Task A_works_charge_spanning_two_buildings_debits_each_household_in_its_own_account()
    {
        var (communityId, units, chair) = await OpenedPerBuilding(8000, 9000, 7000, 6000);
        var accountsBefore = (await _fund.Accounts(communityId)).ToDictionary(a => a.Id);
        var households = await _fund.Households(communityId);
        var plan = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/works-plans", new
        {
            title = "两幢外墙", category = "ExternalWall", items = "外墙", budgetFen = 1_000_000, scope = "Units", bearerIds = units,
        })).ShouldBe<WorksPlanView>(HttpStatusCode.Created);
        await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/approve", new { emergency = true })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        var result = await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/charge", new { actualCostFen = 1_000_001 }))
            .ShouldBe<WorksChargeResult>(HttpStatusCode.OK);
        Assert.Equal(1_000_001, result.Shares.Sum(s => s.ShareFen));

        var charges = await api.WithDb(db => db.FundEntries.AsNoTracking().Where(e => e.ReferenceId == plan.Id).ToListAsync());
        Assert.Equal(units.Count, charges.Count);
        foreach (var entry in charges)
            Assert.Equal(households.Single(h => h.Id == entry.HouseholdId).AccountId, entry.AccountId);
        Assert.Equal(2, charges.Select(e => e.AccountId).Distinct().Count());
        foreach (var account in await _fund.Accounts(communityId))
            Assert.Equal(accountsBefore[account.Id].BalanceFen + charges.Where(e => e.AccountId == account.Id).Sum(e => e.AmountFen), account.BalanceFen);
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task The_view_lists_each_account_and_the_statement_shows_per_account_totals()
    {
        var (communityId, _, chair) = await OpenedPerBuilding(8000, 9000, 7000);
        var accounts = await _fund.Accounts(communityId);
        // Deposits count building areas (exclusive + a quarter: 100.00 and 87.50 m² in 1幢, 112.50 m² in 2幢) × 100 元.
        var first = accounts.Single(a => a.BalanceFen == 10_000 * 100 + 8_750 * 100);
        // Income received by one building's account is shared by that building's households only.
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "CommonPartIncome", amountFen = 1_001, reference = "1幢广告", accountId = first.Id })).ShouldBe<AllocationResult>(HttpStatusCode.OK);
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "Interest", amountFen = 5, reference = "x", accountId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "fund_account_not_found");

        var view = await (await chair.GetAsync($"/api/v1/communities/{communityId}/fund")).ShouldBe<FundAccountView>(HttpStatusCode.OK);
        Assert.Equal("PerBuilding", view.Mode);
        Assert.Null(view.AccountId);
        Assert.Equal(["1幢", "2幢"], view.Accounts.Select(a => a.Building!).ToList());
        Assert.All(view.Accounts, a => Assert.Equal(a.BalanceFen, a.HouseholdsSumFen));
        Assert.Equal(1_875_000 + 1_001, view.Accounts[0].BalanceFen);
        Assert.Equal(1_125_000, view.Accounts[1].BalanceFen);
        Assert.Equal(view.Accounts.Sum(a => a.BalanceFen), view.BalanceFen);

        var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().AddHours(8).Date);
        var url = $"/api/v1/communities/{communityId}/fund/statement?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var json = await (await chair.GetAsync(url)).ShouldBe<JsonElement>(HttpStatusCode.OK);
        var lines = json.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(json.GetProperty("closingFen").GetInt64(), lines.Sum(l => l.GetProperty("closingFen").GetInt64()));
        Assert.Equal(1_001, lines[0].GetProperty("incomeFen").GetInt64());
        Assert.Contains("各账户", await (await chair.GetAsync(url + "&format=html")).Content.ReadAsStringAsync());
        Assert.Contains("2幢账户", await (await chair.GetAsync(url + "&format=csv")).Content.ReadAsStringAsync());
        await _fund.AssertInvariant(communityId);
    }
}
