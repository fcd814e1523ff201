using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>
/// A wrong published statement is corrected by superseding it (更正): the next revision of the period, rebuilt from the
/// ledger, with a reason, in a notice of its own; the earlier one is kept and marked. Only the community's committee
/// corrects, only the newest revision, and racing corrections leave one.
/// </summary>
public sealed class StatementSupersedeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private DateOnly Today => api.Clock.ChinaToday;

    /// <summary>
    /// The story: a fund whose entries were dated the day it was seeded, so last week's statement said 0.00; once
    /// the entries carry the days they happened (done here in the database), the committee corrects the statement.
    /// </summary>
    private async Task<(Guid CommunityId, PublishedStatementView Wrong)> WrongStatement()
    {
        var (communityId, _) = await FundArrange.NewCommunity(api, 8000, 9000);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_000 }))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        var wrong = await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/statements",
            new { from = Today.AddDays(-7), to = Today.AddDays(-1) })).ShouldBe<PublishedStatementView>(HttpStatusCode.Created);
        Assert.Equal(0, wrong.ClosingFen);
        var accounts = await api.WithDb(db => db.FundAccounts.Where(a => a.CommunityId == communityId).Select(a => a.Id).ToListAsync());
        var actuallyPostedAt = api.Clock.GetUtcNow().AddDays(-5);
        await api.WithDb(db => db.FundEntries.Where(e => accounts.Contains(e.AccountId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PostedAt, actuallyPostedAt)));
        return (communityId, wrong);
    }

    private static string SupersedeUrl(Guid statementId) => $"/api/v1/fund/statements/{statementId}/supersede";

    [Fact]
    public async Task Superseding_with_a_reason_keeps_both_and_tells_the_residents_in_a_notice()
    {
        var (communityId, wrong) = await WrongStatement();
        var balance = await api.WithDb(db => db.FundAccounts.Where(a => a.CommunityId == communityId).SumAsync(a => a.BalanceFen));
        var chair = await api.ClientFor("chair-a");
        var corrected = await (await chair.PostJson(SupersedeUrl(wrong.Id), new { reason = "记账日期有误，按实际入账日期重新公示" }))
            .ShouldBe<PublishedStatementView>(HttpStatusCode.Created);
        Assert.Equal((2, wrong.Id, "记账日期有误，按实际入账日期重新公示"), (corrected.Revision, corrected.SupersedesId, corrected.CorrectionReason));
        Assert.Equal((wrong.From, wrong.To), (corrected.From, corrected.To));
        Assert.Equal(balance, corrected.ClosingFen);
        Assert.NotEqual(wrong.NoticeId, corrected.NoticeId);

        var listed = await (await chair.GetAsync($"/api/v1/communities/{communityId}/fund/statements"))
            .ShouldBe<List<PublishedStatementView>>(HttpStatusCode.OK);
        Assert.Equal(2, listed.Count);
        var kept = Assert.Single(listed, s => s.Id == wrong.Id);
        Assert.Equal((corrected.Id, 0L), (kept.SupersededById, kept.ClosingFen));
        Assert.NotNull(kept.SupersededAt);
        // The earlier file is unchanged but says it was corrected.
        var oldHtml = await (await chair.GetAsync(wrong.HtmlUrl)).Content.ReadAsStringAsync();
        Assert.Contains("本对账单已被更正", oldHtml);
        Assert.Contains("0.00", oldHtml);

        var notice = await api.WithDb(db => db.Notices.AsNoTracking().SingleAsync(n => n.Id == corrected.NoticeId));
        Assert.Equal(communityId, notice.CommunityId);
        Assert.StartsWith("【更正】", notice.Title);
        Assert.Contains("更正原因：记账日期有误，按实际入账日期重新公示", notice.Body);
        Assert.Contains(corrected.HtmlUrl, notice.Body);
        // Published like every notice: its event reaches the community's residents (live and by subscribe message).
        Assert.True(await api.WithDb(db => db.OutboxEvents.AnyAsync(e => e.Kind == NoticeEvents.Published
            && e.PayloadJson.Contains(corrected.NoticeId.ToString()))));
    }

    [Fact]
    public async Task Superseding_an_already_superseded_statement_or_without_a_reason_is_refused()
    {
        var (communityId, wrong) = await WrongStatement();
        var chair = await api.ClientFor("chair-a");
        var missing = await (await chair.PostJson(SupersedeUrl(wrong.Id), new { reason = "  " })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("reason", out _));
        var corrected = await (await chair.PostJson(SupersedeUrl(wrong.Id), new { reason = "更正一" }))
            .ShouldBe<PublishedStatementView>(HttpStatusCode.Created);
        await (await chair.PostJson(SupersedeUrl(wrong.Id), new { reason = "更正二" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "fund_statement_superseded");
        // The newest revision can be corrected again.
        var third = await (await chair.PostJson(SupersedeUrl(corrected.Id), new { reason = "更正二" }))
            .ShouldBe<PublishedStatementView>(HttpStatusCode.Created);
        Assert.Equal(3, third.Revision);
        // Publishing the period afresh is still refused: corrections are the way.
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/statements", new { from = wrong.From, to = wrong.To }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "fund_statement_published");
    }

    [Fact]
    public async Task Only_the_committee_of_the_statement_s_community_supersedes_it()
    {
        var demo = await Demo.Of(api);
        var resident = await api.ClientFor("resident-a");
        var statement = (await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund/statements"))
            .ShouldBe<List<PublishedStatementView>>(HttpStatusCode.OK)).First();
        var body = new { reason = "越权更正" };
        foreach (var user in new[] { "resident-a", "street-officer", "property-a" })
            await (await (await api.ClientFor(user)).PostJson(SupersedeUrl(statement.Id), body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        foreach (var user in new[] { "committee-b", "resident-b" })
            await (await (await api.ClientFor(user)).PostJson(SupersedeUrl(statement.Id), body))
                .ShouldBeProblem(HttpStatusCode.NotFound, "fund_statement_not_found");
        await (await resident.PostJson(SupersedeUrl(Guid.NewGuid()), body)).ShouldBeProblem(HttpStatusCode.NotFound, "fund_statement_not_found");
        Assert.Equal(1, await api.WithDb(db => db.FundPublishedStatements.CountAsync(p => p.CommunityId == demo.CommunityA)));
    }

    [Fact]
    public async Task Racing_corrections_of_one_statement_make_exactly_one()
    {
        var (communityId, wrong) = await WrongStatement();
        var chair = await api.ClientFor("chair-a");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => chair.PostJson(SupersedeUrl(wrong.Id), new { reason = "并发更正" }),
            db => db.Notices.CountAsync(n => n.CommunityId == communityId && n.Title.StartsWith("【更正】")),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "fund_statement_superseded");
        Assert.Equal(2, await api.WithDb(db => db.FundPublishedStatements.CountAsync(p => p.CommunityId == communityId)));
    }
}
