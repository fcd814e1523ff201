using System.Net;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>The API with a statement-link key, as production sets one (Development makes one under ./data).</summary>
public sealed class StatementLinkKeyApiFactory : ApiFactory
{
    // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
    protected override bool SharesSeededTemplate => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        [StatementLinkSigner.KeySetting] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
    };
}

/// <summary>
/// A published statement opens in a browser through a signed, expiring link (no bearer token) that shows the
/// statement's totals and one household's line; a link that was changed or has expired is refused.
/// </summary>
public sealed class StatementLinkTests(StatementLinkKeyApiFactory api) : IClassFixture<StatementLinkKeyApiFactory>
{
    private readonly FundWorld _fund = new(api);

    private async Task<(PublishedStatementView Statement, Guid UnitId, HttpClient Resident)> DemoStatementOfResidentA()
    {
        var demo = await Demo.Of(api);
        var resident = await api.ClientFor("resident-a");
        var statement = (await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund/statements"))
            .ShouldBe<List<PublishedStatementView>>(HttpStatusCode.OK)).First();
        var me = await (await resident.GetAsync("/api/v1/me")).ShouldBe<MeResponse>(HttpStatusCode.OK);
        return (statement, me.Units.First(u => u.CommunityId == demo.CommunityA).UnitId, resident);
    }

    private static string LinksUrl(Guid statementId) => $"/api/v1/fund/statements/{statementId}/links";

    [Fact]
    public async Task A_resident_s_link_opens_without_a_bearer_token_and_shows_only_that_household()
    {
        var (statement, unitId, resident) = await DemoStatementOfResidentA();
        var link = await (await resident.PostJson(LinksUrl(statement.Id), new { unitId })).ShouldBe<StatementLinkView>(HttpStatusCode.OK);
        var sevenDays = api.Clock.GetUtcNow().AddDays(7);
        Assert.InRange(link.ExpiresAt, sevenDays.AddMinutes(-1), sevenDays.AddMinutes(1));
        Assert.DoesNotContain("token", link.Url, StringComparison.OrdinalIgnoreCase);

        using var browser = api.CreateClient();
        var page = await browser.GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        var households = html[html.IndexOf("分户明细", StringComparison.Ordinal)..];
        var mine = await _fund.Household(unitId);
        var unit = (await (await resident.GetAsync("/api/v1/me")).ShouldBe<MeResponse>(HttpStatusCode.OK)).Units.Single(u => u.UnitId == unitId);
        // The header row and one household row.
        Assert.Equal(2, households.Split("<tr>").Length - 1);
        Assert.Contains($"<td>{unit.Building}</td><td>{unit.Number}</td>", households);
        Assert.Contains((mine.BalanceFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), households);
        // The community's totals are public (公示) and shown too.
        Assert.Contains((statement.ClosingFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), html);
    }

    [Fact]
    public async Task A_link_changed_in_any_part_is_refused()
    {
        var (statement, unitId, resident) = await DemoStatementOfResidentA();
        var link = await (await resident.PostJson(LinksUrl(statement.Id), new { unitId })).ShouldBe<StatementLinkView>(HttpStatusCode.OK);
        var mine = await _fund.Household(unitId);
        var other = (await _fund.Households(mine.CommunityId)).First(h => h.Id != mine.Id);
        var expires = link.ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var later = (link.ExpiresAt.ToUnixTimeSeconds() + 86400).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var browser = api.CreateClient();
        foreach (var changed in new[]
                 {
                     link.Url.Replace(mine.Id.ToString(), other.Id.ToString(), StringComparison.Ordinal),
                     link.Url.Replace($"expires={expires}", $"expires={later}", StringComparison.Ordinal),
                     link.Url[..^2] + (link.Url.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"),
                     link.Url[..link.Url.IndexOf("&signature=", StringComparison.Ordinal)],
                 })
        {
            Assert.NotEqual(link.Url, changed);
            await (await browser.GetAsync(changed)).ShouldBeProblem(HttpStatusCode.Forbidden, "fund_statement_link_invalid");
        }
        // And a bearer token does not stand in for the signature.
        await (await resident.GetAsync(link.Url[..link.Url.IndexOf('?')])).ShouldBeProblem(HttpStatusCode.Forbidden, "fund_statement_link_invalid");
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_a_fresh_one_opens()
    {
        var (statement, unitId, resident) = await DemoStatementOfResidentA();
        var link = await (await resident.PostJson(LinksUrl(statement.Id), new { unitId })).ShouldBe<StatementLinkView>(HttpStatusCode.OK);
        using var browser = api.CreateClient();
        api.Clock.Advance(StatementLinkSigner.Lifetime + TimeSpan.FromSeconds(1));
        await (await browser.GetAsync(link.Url)).ShouldBeProblem(HttpStatusCode.Forbidden, "fund_statement_link_expired");
        var fresh = await (await resident.PostJson(LinksUrl(statement.Id), new { unitId })).ShouldBe<StatementLinkView>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(fresh.Url)).StatusCode);
    }

    [Fact]
    public async Task Only_the_unit_s_residents_and_the_fund_s_overseers_get_a_link()
    {
        var (statement, unitId, resident) = await DemoStatementOfResidentA();
        var mine = await _fund.Household(unitId);
        var other = (await _fund.Households(mine.CommunityId)).First(h => h.UnitId != unitId);
        // A neighbour's household: the resident sees the community, not its fund (as for the unit's ledger).
        await (await resident.PostJson(LinksUrl(statement.Id), new { unitId = other.UnitId })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await api.ClientFor("resident-b")).PostJson(LinksUrl(statement.Id), new { unitId }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "fund_statement_not_found");
        await (await resident.PostJson(LinksUrl(statement.Id), new { })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await api.CreateClient().PostJson(LinksUrl(statement.Id), new { unitId })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        // The committee may hand any household its link.
        await (await (await api.ClientFor("chair-a")).PostJson(LinksUrl(statement.Id), new { unitId = other.UnitId }))
            .ShouldBe<StatementLinkView>(HttpStatusCode.OK);
    }
}

/// <summary>Without <c>Fund:StatementLinkKey</c> (outside Development) the links are off, said in Chinese.</summary>
public sealed class StatementLinksOffTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Without_a_key_no_link_is_issued_and_none_opens()
    {
        var demo = await Demo.Of(api);
        var resident = await api.ClientFor("resident-a");
        var statement = (await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund/statements"))
            .ShouldBe<List<PublishedStatementView>>(HttpStatusCode.OK)).First();
        var me = await (await resident.GetAsync("/api/v1/me")).ShouldBe<MeResponse>(HttpStatusCode.OK);
        var unitId = me.Units.First(u => u.CommunityId == demo.CommunityA).UnitId;
        await (await resident.PostJson($"/api/v1/fund/statements/{statement.Id}/links", new { unitId }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "fund_statement_links_off");
        var household = await new FundWorld(api).Household(unitId);
        await (await api.CreateClient().GetAsync($"/api/v1/fund/statements/{statement.Id}/households/{household.Id}/page?expires=9999999999&signature=AAAA"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "fund_statement_link_invalid");
    }
}
