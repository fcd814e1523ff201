using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Places;

namespace Renovation.Community.Tests.Fund;

/// <summary>A period statement published as a community notice with downloadable files (html, csv, xlsx), once per period.</summary>
public sealed class StatementPublicationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);

    private DateOnly Today => DateOnly.FromDateTime(api.Clock.GetUtcNow().AddHours(8).Date);

    [Fact]
    public async Task A_published_statement_is_a_notice_whose_frozen_files_every_resident_of_the_community_can_download()
    {
        var demo = await Demo.Of(api);
        api.Clock.Advance(TimeSpan.FromDays(1)); // the demo's postings are now in a past period
        var committee = await api.ClientFor("committee-a");
        var from = Today.AddDays(-30);
        var to = Today.AddDays(-1);
        var published = await (await committee.PostJson($"/api/v1/communities/{demo.CommunityA}/fund/statements", new { from, to }))
            .ShouldBe<PublishedStatementView>(HttpStatusCode.Created);
        var balance = (await _fund.Account(demo.CommunityA)).BalanceFen;
        Assert.Equal(balance, published.ClosingFen);
        Assert.False(published.Yearly);

        var notice = await api.WithDb(db => db.Notices.AsNoTracking().SingleAsync(n => n.Id == published.NoticeId));
        Assert.Equal(demo.CommunityA, notice.CommunityId);
        Assert.Contains("维修资金收支公示", notice.Title);
        Assert.Contains(published.HtmlUrl, notice.Body);
        Assert.Contains(published.XlsxUrl, notice.Body);

        // Money that arrives after publication does not change what was published.
        var household = (await _fund.Households(demo.CommunityA))[0];
        await _fund.Post(new FundPosting(household.Id, FundEntryKind.Interest, 777, $"test:{Guid.NewGuid()}", "发布后入账"));

        var resident = await api.ClientFor("resident-a");
        var listed = await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund/statements"))
            .ShouldBe<List<PublishedStatementView>>(HttpStatusCode.OK);
        Assert.Contains(listed, s => s.Id == published.Id);
        var html = await resident.GetAsync(published.HtmlUrl);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains((balance / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), await html.Content.ReadAsStringAsync());
        var csv = await resident.GetAsync(published.CsvUrl);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("期末余额", await csv.Content.ReadAsStringAsync());
        var xlsx = await resident.GetAsync(published.XlsxUrl);
        Assert.Equal(Renovation.Community.Application.Common.Text.Spreadsheet.XlsxMediaType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = RegisterFileTests.SheetRows(await xlsx.Content.ReadAsByteArrayAsync());
        // Interest and common-part income have their own columns (其中利息, 其中公共收益) before the outgoings.
        Assert.Equal(["本期收益", "其中利息", "其中公共收益"], rows[0][5..8]);
        Assert.Equal("期末余额", rows[0][10]);
        Assert.Equal("合计", rows[1][0]);
        Assert.Equal(balance / 100m, decimal.Parse(rows[1][10], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(balance / 100m, rows.Where(r => r[0] == "分户").Sum(r => decimal.Parse(r[10], System.Globalization.CultureInfo.InvariantCulture)));

        var outsider = await api.ClientFor("resident-b");
        await (await outsider.GetAsync(published.HtmlUrl)).ShouldBeProblem(HttpStatusCode.NotFound, "fund_statement_not_found");
    }

    [Fact]
    public async Task Publishing_the_same_period_from_racing_requests_makes_exactly_one_notice()
    {
        var (communityId, _) = await FundArrange.NewCommunity(api, 8956, 4521);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_000 }))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        api.Clock.Advance(TimeSpan.FromDays(1));
        var period = new { from = Today.AddDays(-7), to = Today.AddDays(-1) };
        var url = $"/api/v1/communities/{communityId}/fund/statements";
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => chair.PostJson(url, period),
            db => db.Notices.CountAsync(n => n.CommunityId == communityId && n.Title.Contains("维修资金收支公示")),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "fund_statement_published");
        Assert.Equal(1, await api.WithDb(db => db.FundPublishedStatements.CountAsync(p => p.CommunityId == communityId)));
        // One at a time the answer is the same.
        await (await chair.PostJson(url, period)).ShouldBeProblem(HttpStatusCode.Conflict, "fund_statement_published");
    }

    [Fact]
    public async Task Only_the_committee_publishes_and_only_a_period_that_is_over()
    {
        var demo = await Demo.Of(api);
        var url = $"/api/v1/communities/{demo.CommunityB}/fund/statements";
        var committee = await api.ClientFor("committee-b");
        await (await committee.PostJson(url, new { from = Today.AddDays(-3), to = Today }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "statement_period_not_over");
        await (await committee.PostJson(url, new { from = Today.AddDays(-3), to = Today.AddDays(-5) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        var missing = await (await committee.PostJson(url, new { })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("from", out _));
        await (await committee.PostJson(url, new { from = DateOnly.MinValue, to = DateOnly.MinValue }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        foreach (var user in new[] { "street-officer", "resident-b", "property-b" })
            await (await (await api.ClientFor(user)).PostJson(url, new { from = Today.AddDays(-9), to = Today.AddDays(-8) }))
                .ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, await api.WithDb(db => db.FundPublishedStatements.CountAsync(p => p.CommunityId == demo.CommunityB && p.To == Today.AddDays(-8))));
    }

    [Fact]
    public async Task Statement_downloads_defuse_formula_like_text_in_xlsx()
    {
        var (communityId, _) = await FundArrange.NewCommunity(api, 8000);
        await api.WithDb(db => db.Buildings.Where(b => b.CommunityId == communityId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, "=HYPERLINK(\"http://x\")")));
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        var response = await chair.GetAsync($"/api/v1/communities/{communityId}/fund/statement?from={Today.AddDays(-1):yyyy-MM-dd}&to={Today:yyyy-MM-dd}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var household = RegisterFileTests.SheetRows(bytes).Single(r => r[0] == "分户");
        Assert.False(household[1].StartsWith('='), household[1]);
        Assert.DoesNotContain("<f>", RegisterFileTests.SheetXml(bytes));
    }
}
