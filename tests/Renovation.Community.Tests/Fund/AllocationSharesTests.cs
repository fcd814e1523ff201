using System.Net;
using System.Text.Json;
using Renovation.Community.Application.Common.Money;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>
/// An allocation shows its split: every household's share in the answer and in a paged list, ledger entries that name
/// the allocation, and statements that keep interest and common-part income apart.
/// </summary>
public sealed class AllocationSharesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);
    private static readonly long[] Areas = [8_000, 9_050, 12_575, 6_333];
    private static readonly long[] Openings = [100_000, 250_000, 0, 33_333];

    /// <summary>A new community with an opened fund and opening balances.</summary>
    private async Task<(Guid CommunityId, List<Guid> Units, HttpClient Chair)> OpenedCommunity()
    {
        var (communityId, units) = await FundArrange.NewCommunity(api, Areas);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        for (var i = 0; i < units.Count; i++)
            if (Openings[i] > 0)
            {
                var household = await _fund.Household(units[i]);
                await _fund.Post(new FundPosting(household.Id, FundEntryKind.Opening, Openings[i], $"opening:{household.Id}", "期初余额"));
            }
        return (communityId, units, chair);
    }

    [Fact]
    public async Task A_common_income_allocation_answers_and_lists_every_share_and_its_entries_name_it()
    {
        var (communityId, units, chair) = await OpenedCommunity();
        const long income = 10_001;
        var result = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "CommonPartIncome", amountFen = income, reference = "停车费-2026-11" })).ShouldBe<AllocationResult>(HttpStatusCode.OK);

        var expected = LargestRemainder.Split(income, Areas);
        Assert.Equal(units.Count, result.Shares.Count);
        Assert.Equal(AreaKind.Exclusive, result.AreaBasis);
        Assert.Equal(income, result.Shares.Sum(s => s.AmountFen));
        for (var i = 0; i < units.Count; i++)
        {
            var share = Assert.Single(result.Shares, s => s.UnitId == units[i]);
            Assert.Equal(Areas[i], share.AreaHundredths);
            Assert.Null(share.BalanceFen);
            Assert.Equal(expected[i], share.AmountFen);
            Assert.Equal("1幢", share.Building);
            Assert.Equal($"{101 + i}", share.Unit);
        }

        // The same split, paged, by building and flat.
        var first = await (await chair.GetAsync($"/api/v1/fund/allocations/{result.Id}/shares?pageSize=3"))
            .ShouldBe<Page<AllocationShareView>>(HttpStatusCode.OK);
        var second = await (await chair.GetAsync($"/api/v1/fund/allocations/{result.Id}/shares?pageSize=3&page=2"))
            .ShouldBe<Page<AllocationShareView>>(HttpStatusCode.OK);
        Assert.Equal(units.Count, first.Total);
        Assert.Equal(result.Shares, first.Items.Concat(second.Items).ToList());

        // Every household's entry names the allocation.
        foreach (var unit in units)
        {
            var ledger = await (await chair.GetAsync($"/api/v1/units/{unit}/fund-ledger")).ShouldBe<HouseholdLedgerView>(HttpStatusCode.OK);
            var entry = Assert.Single(ledger.Entries, e => e.Kind == nameof(FundEntryKind.CommonPartIncome));
            Assert.Equal(result.Id, entry.ReferenceId);
        }

        var list = await (await chair.GetAsync($"/api/v1/communities/{communityId}/fund/allocations"))
            .ShouldBe<Page<AllocationView>>(HttpStatusCode.OK);
        var listed = Assert.Single(list.Items);
        Assert.Equal((result.Id, "CommonPartIncome", "停车费-2026-11", income, units.Count), (listed.Id, listed.Kind, listed.Reference, listed.AmountFen, listed.Households));

        // Outside the committee's communities the allocation does not exist.
        await (await (await api.ClientFor("committee-b")).GetAsync($"/api/v1/fund/allocations/{result.Id}/shares"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "fund_allocation_not_found");
        await (await (await api.ClientFor("committee-b")).GetAsync($"/api/v1/communities/{communityId}/fund/allocations"))
            .ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_interest_allocation_shows_the_balance_each_share_was_weighed_by()
    {
        var (communityId, units, chair) = await OpenedCommunity();
        var result = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "Interest", amountFen = 3_838, reference = "2026-Q4-利息" })).ShouldBe<AllocationResult>(HttpStatusCode.OK);
        var expected = LargestRemainder.Split(3_838, Openings);
        for (var i = 0; i < units.Count; i++)
        {
            var share = Assert.Single(result.Shares, s => s.UnitId == units[i]);
            Assert.Equal(Openings[i], share.BalanceFen);
            Assert.Null(share.AreaHundredths);
            Assert.Equal(expected[i], share.AmountFen);
        }
        // A household with nothing to weigh is listed with 0 and got no entry.
        Assert.Equal(0, result.Shares.Single(s => s.UnitId == units[2]).AmountFen);
        Assert.Null(result.AreaBasis);
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task A_statement_shows_interest_and_common_income_apart()
    {
        var (communityId, units, chair) = await OpenedCommunity();
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "Interest", amountFen = 1_200, reference = "利息-1" })).ShouldBe<AllocationResult>(HttpStatusCode.OK);
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/allocations",
            new { kind = "CommonPartIncome", amountFen = 5_000, reference = "广告-1" })).ShouldBe<AllocationResult>(HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().AddHours(8).Date);
        var url = $"/api/v1/communities/{communityId}/fund/statement?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var json = await (await chair.GetAsync(url)).ShouldBe<JsonElement>(HttpStatusCode.OK);
        long F(JsonElement e, string name) => e.GetProperty(name).GetInt64();
        Assert.Equal(1_200, F(json, "interestFen"));
        Assert.Equal(5_000, F(json, "commonIncomeFen"));
        Assert.Equal(6_200, F(json, "incomeFen"));
        foreach (var line in json.GetProperty("households").EnumerateArray())
            Assert.Equal(F(line, "incomeFen"), F(line, "interestFen") + F(line, "commonIncomeFen"));
        Assert.Equal(1_200, json.GetProperty("households").EnumerateArray().Sum(h => F(h, "interestFen")));

        var csv = await (await chair.GetAsync(url + "&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("\"期初余额\",\"本期交存\",\"本期收益\",\"其中利息\",\"其中公共收益\",\"本期支出\",\"本期更正\",\"期末余额\"", csv);
        Assert.Contains("\"62.00\",\"12.00\",\"50.00\"", csv);
        var html = await (await chair.GetAsync(url + "&format=html")).Content.ReadAsStringAsync();
        Assert.Contains("<th>其中利息</th><th>其中公共收益</th>", html);
    }
}
