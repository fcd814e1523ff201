using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.DemoData;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>
/// A statement's opening and closing balances are the balances at its two instants (00:00 China time on the first day and
/// after the last day), whatever the period, and the demo ledger is dated at its story days (opened
/// <see cref="FundDemo.OpenedDaysAgo"/> days before seeding, the roof charged <see cref="FundDemo.RoofChargedDaysAgo"/>).
/// </summary>
public sealed class StatementBalanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);

    private async Task<Statement> StatementOf(Guid communityId, DateOnly from, DateOnly to)
    {
        var chair = await api.ClientFor("chair-a");
        return await (await chair.GetAsync($"/api/v1/communities/{communityId}/fund/statement?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"))
            .ShouldBe<Statement>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_period_before_the_history_opens_and_closes_at_zero()
    {
        var demo = await Demo.Of(api);
        var today = api.Clock.ChinaToday;
        var s = await StatementOf(demo.CommunityA, today.AddDays(-FundDemo.OpenedDaysAgo - 60), today.AddDays(-FundDemo.OpenedDaysAgo - 2));
        Assert.Equal((0, 0, 0, 0), (s.OpeningFen, s.InFen, s.OutFen, s.ClosingFen));
    }

    [Fact]
    public async Task A_period_inside_the_history_opens_with_the_deposits_and_closes_after_the_roof_charge()
    {
        var demo = await Demo.Of(api);
        var today = api.Clock.ChinaToday;
        var balance = (await _fund.Account(demo.CommunityA)).BalanceFen;
        // From between the deposits and the charge to after the charge.
        var s = await StatementOf(demo.CommunityA, today.AddDays(-FundDemo.RoofChargedDaysAgo - 10), today.AddDays(-FundDemo.RoofChargedDaysAgo + 10));
        Assert.True(s.OpeningFen > 0, $"opening {s.OpeningFen}");
        Assert.Equal(0, s.InFen);
        Assert.True(s.OutFen > 0, $"out {s.OutFen}");
        Assert.Equal(s.OpeningFen - s.OutFen, s.ClosingFen);
        Assert.Equal(balance, s.ClosingFen);
        Assert.Equal(s.ClosingFen, s.Households.Sum(h => h.ClosingFen));
        Assert.Contains(s.Works, w => w.Title.Contains("屋面"));

        // A period ending the day before the charge closes where the next one opens.
        var before = await StatementOf(demo.CommunityA, today.AddDays(-FundDemo.OpenedDaysAgo - 5), today.AddDays(-FundDemo.RoofChargedDaysAgo - 11));
        Assert.Equal(before.ClosingFen, s.OpeningFen);
        Assert.Equal(before.InFen, before.ClosingFen);
    }

    [Fact]
    public async Task A_period_after_the_history_opens_and_closes_at_the_balance_and_so_does_the_demo_statement()
    {
        var demo = await Demo.Of(api);
        var today = api.Clock.ChinaToday;
        var balance = (await _fund.Account(demo.CommunityA)).BalanceFen;
        Assert.NotEqual(0, balance);
        var s = await StatementOf(demo.CommunityA, today.AddDays(-30), today.AddDays(-1));
        Assert.Equal((balance, 0L, 0L, balance), (s.OpeningFen, s.InFen, s.OutFen, s.ClosingFen));

        // What the residents were told at seeding: the balance, not "期初余额 0.00 … 期末余额 0.00".
        var resident = await api.ClientFor("resident-a");
        var published = Assert.Single(await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund/statements"))
            .ShouldBe<List<PublishedStatementView>>(HttpStatusCode.OK));
        Assert.Equal(balance, published.ClosingFen);
        var notice = await api.WithDb(db => db.Notices.AsNoTracking().SingleAsync(n => n.Id == published.NoticeId));
        var yuan = (balance / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"期初余额 {yuan}", notice.Body);
        Assert.Contains($"期末余额 {yuan}", notice.Body);
    }

    /// <summary>Periods are China calendar days: an entry at 23:30 China time (15:30 UTC) belongs to that day, not the next.</summary>
    [Fact]
    public async Task An_entry_late_in_the_China_evening_closes_that_day_and_opens_the_next()
    {
        var (communityId, _) = await FundArrange.NewCommunity(api, 8000);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        api.Clock.AdvanceToNext(new TimeOnly(23, 30));
        var day = api.Clock.ChinaToday;
        var household = Assert.Single(await _fund.Households(communityId));
        await _fund.Post(new FundPosting(household.Id, FundEntryKind.Interest, 1234, $"test:{Guid.NewGuid()}", "23:30 入账"));

        var thatDay = await StatementOf(communityId, day, day);
        Assert.Equal((0L, 1234L, 1234L), (thatDay.OpeningFen, thatDay.IncomeFen, thatDay.ClosingFen));
        var nextDay = await StatementOf(communityId, day.AddDays(1), day.AddDays(1));
        Assert.Equal((1234L, 0L, 1234L), (nextDay.OpeningFen, nextDay.IncomeFen, nextDay.ClosingFen));
    }
}
