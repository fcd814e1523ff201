using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Money;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>Interest by balance, income by area (largest remainder), and the period statement.</summary>
public sealed class AllocationAndStatementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);

    [Fact]
    public async Task Interest_is_credited_by_balance_in_whole_fen_and_sums_exactly_once_per_reference()
    {
        var demo = await Demo.Of(api);
        var before = await _fund.Households(demo.CommunityB);
        var chair = await api.ClientFor("committee-b");
        const long interest = 1_234_567;
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => chair.PostJson($"/api/v1/communities/{demo.CommunityB}/fund/allocations", new { kind = "Interest", amountFen = interest, reference = "2026-Q4-利息" }),
            db => db.FundEntries.Where(e => e.Kind == FundEntryKind.Interest).Select(e => e.Memo).Distinct().CountAsync(),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "fund_allocation_exists");
        var after = (await _fund.Households(demo.CommunityB)).ToDictionary(h => h.Id);
        var expected = LargestRemainder.Split(interest, before.Select(h => h.BalanceFen).ToList());
        for (var i = 0; i < before.Count; i++)
            Assert.Equal(before[i].BalanceFen + expected[i], after[before[i].Id].BalanceFen);
        Assert.Equal(interest, after.Values.Sum(h => h.BalanceFen) - before.Sum(h => h.BalanceFen));
        await _fund.AssertInvariant(demo.CommunityB);
    }

    [Fact]
    public async Task Common_part_income_is_credited_by_exclusive_area()
    {
        var demo = await Demo.Of(api);
        var before = await _fund.Households(demo.CommunityA);
        var areas = await api.WithDb(db => db.Units.AsNoTracking().Where(u => u.CommunityId == demo.CommunityA).ToDictionaryAsync(u => u.Id, u => u.ExclusiveAreaHundredths));
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{demo.CommunityA}/fund/allocations", new { kind = "CommonPartIncome", amountFen = 99_999, reference = "广告位-2026" }))
            .ShouldBe<AllocationResult>(HttpStatusCode.OK);
        var after = (await _fund.Households(demo.CommunityA)).ToDictionary(h => h.Id);
        var expected = LargestRemainder.Split(99_999, before.Select(h => areas[h.UnitId]).ToList());
        for (var i = 0; i < before.Count; i++)
            Assert.Equal(before[i].BalanceFen + expected[i], after[before[i].Id].BalanceFen);
        await _fund.AssertInvariant(demo.CommunityA);
    }

    [Fact]
    public async Task The_statement_totals_reconcile_with_the_account_and_download_as_csv_and_html()
    {
        var demo = await Demo.Of(api);
        var street = await api.ClientFor("street-officer");
        var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().AddHours(8).Date);
        var url = $"/api/v1/communities/{demo.CommunityA}/fund/statement?from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var json = await (await street.GetAsync(url)).ShouldBe<JsonElement>(HttpStatusCode.OK);
        var account = await _fund.Account(demo.CommunityA);
        long F(string name) => json.GetProperty(name).GetInt64();
        Assert.Equal(account.BalanceFen, F("closingFen"));
        Assert.Equal(F("closingFen"), F("openingFen") + F("inFen") + F("incomeFen") - F("outFen") + F("correctionsFen"));
        Assert.Equal(F("closingFen"), json.GetProperty("households").EnumerateArray().Sum(h => h.GetProperty("closingFen").GetInt64()));
        Assert.Contains(json.GetProperty("works").EnumerateArray(), w => w.GetProperty("emergency").GetBoolean());

        var csv = await street.GetAsync(url + "&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("期末余额", await csv.Content.ReadAsStringAsync());
        var html = await street.GetAsync(url + "&format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("维修资金对账单", await html.Content.ReadAsStringAsync());
        var resident = await api.ClientFor("resident-a");
        await (await resident.GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
