using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>The yearly statement and the half-yearly disclosure reminder, driven by the test clock (its own host: the clock moves months).</summary>
public sealed class FundSweepTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private Task Sweep() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<FundSweep>();

    private void MoveTo(DateOnly chinaDay, int hour)
    {
        var target = new DateTimeOffset(chinaDay.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
        api.Clock.Advance(target - api.Clock.GetUtcNow());
    }

    [Fact]
    public async Task The_last_year_is_published_once_by_the_job_and_an_undisclosed_half_year_reminds_the_committee_once()
    {
        var chair = await api.ClientFor("chair-a");
        async Task<Guid> OpenedFund()
        {
            var (communityId, _) = await FundArrange.NewCommunity(api, 8956, 4521);
            await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
            await (await chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed", new { ratePerSqmFen = 10_000 }))
                .ShouldBe<OpeningResult>(HttpStatusCode.OK);
            return communityId;
        }
        var quiet = await OpenedFund();
        var diligent = await OpenedFund();
        var thisYear = DateOnly.FromDateTime(api.Clock.GetUtcNow().AddHours(8).Date).Year;
        Task<List<PublishedStatement>> Published(Guid c) => api.WithDb(db => db.FundPublishedStatements.AsNoTracking().Where(p => p.CommunityId == c).ToListAsync());
        Task<int> Reminders(Guid c) => api.WithDb(db => db.FundDisclosureReminders.CountAsync(r => r.CommunityId == c));
        Task<int> ReminderEvents(Guid c) => api.WithDb(db => db.OutboxEvents.CountAsync(e => e.Kind == FundEvents.DisclosureDue && e.PayloadJson.Contains(c.ToString())));

        // Opened this year: there is no past year or half-year of this fund to publish or disclose.
        await Sweep();
        Assert.Empty(await Published(quiet));
        Assert.Equal(0, await Reminders(quiet));

        // 2 January: the year is over; the job publishes it, once however often it runs, and that covers the second half.
        MoveTo(new DateOnly(thisYear + 1, 1, 2), 9);
        await Task.WhenAll(Sweep(), Sweep());
        await Sweep();
        var yearly = Assert.Single(await Published(quiet));
        Assert.True(yearly.Yearly);
        Assert.Equal((new DateOnly(thisYear, 1, 1), new DateOnly(thisYear, 12, 31)), (yearly.From, yearly.To));
        Assert.Equal((await new FundWorld(api).Account(quiet)).BalanceFen, yearly.ClosingFen);
        // Published by the system, recorded as the system actor (not Guid.Empty, which reads as "nobody").
        Assert.Equal(SystemActor.Id, yearly.PublishedBy);
        var notice = await api.WithDb(db => db.Notices.AsNoTracking().SingleAsync(n => n.CommunityId == quiet && n.Title.Contains("年度住宅专项维修资金收支公示")));
        Assert.Equal(SystemActor.Id, notice.PublisherId);
        Assert.Equal(0, await Reminders(quiet));
        // The committee publishing the same year afterwards is refused: one notice per period.
        await (await chair.PostJson($"/api/v1/communities/{quiet}/fund/statements", new { from = yearly.From, to = yearly.To }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "fund_statement_published");

        // 2 July: the first half is over. The diligent committee published it; the quiet one is reminded once.
        MoveTo(new DateOnly(thisYear + 1, 7, 2), 9);
        await (await chair.PostJson($"/api/v1/communities/{diligent}/fund/statements",
            new { from = new DateOnly(thisYear + 1, 1, 1), to = new DateOnly(thisYear + 1, 6, 30) })).ShouldBe<PublishedStatementView>(HttpStatusCode.Created);
        await Task.WhenAll(Sweep(), Sweep());
        await Sweep();
        Assert.Equal(1, await Reminders(quiet));
        Assert.Equal(2, await ReminderEvents(quiet)); // the chair and the members
        Assert.Equal(0, await Reminders(diligent));
        Assert.Equal(0, await ReminderEvents(diligent));
    }
}
