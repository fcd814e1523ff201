using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;

namespace Renovation.Community.Tests.Fund;

/// <summary>Instalment schedules of top-up campaigns (分期续筹, at most three years). Its own host: one test moves the clock.</summary>
public sealed class TopUpInstalmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);
    private readonly PaymentsWorld _payments = new(api);

    private async Task<TopUpCampaignView> Campaign(DateTimeOffset firstDue, int instalments, int intervalMonths, long ratePerSqmFen = 1_001)
    {
        var demo = await Demo.Of(api);
        var chair = await api.ClientFor("chair-a");
        var vote = await _fund.ClosedVote(demo.CommunityA, Matter.RaiseMaintenanceFund, passed: true);
        return await (await chair.PostJson($"/api/v1/communities/{demo.CommunityA}/fund/top-up-campaigns", new
        {
            voteId = vote, title = "分期续筹", basis = "PerSquareMetre", ratePerSqmFen, dueBy = firstDue, instalments, intervalMonths,
        })).ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);
    }

    private async Task<OwingView> Owing(HttpClient resident, Guid campaignId)
    {
        var shares = await api.WithDb(db => db.FundTopUpShares.Where(s => s.CampaignId == campaignId).Select(s => s.Id).ToListAsync());
        return (await (await resident.GetAsync("/api/v1/fund/mine")).ShouldBe<List<MyHouseholdView>>(HttpStatusCode.OK))
            .SelectMany(h => h.Owing).First(o => shares.Contains(o.SubjectId));
    }

    [Theory]
    [InlineData(10_001, 3, new long[] { 3_335, 3_333, 3_333 })]
    [InlineData(10_000, 4, new long[] { 2_500, 2_500, 2_500, 2_500 })]
    [InlineData(5, 1, new long[] { 5 })]
    [InlineData(7, 6, new long[] { 2, 1, 1, 1, 1, 1 })]
    public void The_instalments_of_a_share_are_whole_fen_summing_exactly_with_the_remainder_on_the_first(long amount, int count, long[] parts)
    {
        Assert.Equal(parts, TopUpSchedule.Split(amount, count));
        Assert.Equal(amount, TopUpSchedule.Split(amount, count).Sum());
    }

    [Fact]
    public async Task Each_household_sees_its_instalments_with_due_dates_whose_parts_sum_exactly_to_its_share()
    {
        var first = api.Clock.GetUtcNow().AddMonths(1);
        first = first.AddTicks(-(first.Ticks % TimeSpan.TicksPerSecond));   // times are stored to the millisecond
        var campaign = await Campaign(first, 3, 6);
        Assert.Equal([first, first.AddMonths(6), first.AddMonths(12)], campaign.DueDates);
        var shares = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().Where(s => s.CampaignId == campaign.Id).ToListAsync());
        Assert.Contains(shares, s => s.AmountFen % 3 != 0);

        var owing = await Owing(await api.ClientFor("resident-a"), campaign.Id);
        Assert.NotNull(owing.Instalments);
        Assert.Equal(3, owing.Instalments!.Count);
        Assert.Equal(owing.AmountFen, owing.Instalments.Sum(i => i.AmountFen));
        Assert.Equal(campaign.DueDates, owing.Instalments.Select(i => i.DueBy).ToList());
        Assert.Equal(owing.Instalments[0].AmountFen, owing.PayNowFen);
        Assert.All(owing.Instalments, i => Assert.False(i.Overdue));
    }

    [Fact]
    public async Task A_last_due_date_beyond_three_years_is_refused_with_422_and_a_chinese_detail()
    {
        var demo = await Demo.Of(api);
        var chair = await api.ClientFor("chair-a");
        var url = $"/api/v1/communities/{demo.CommunityA}/fund/top-up-campaigns";
        var vote = await _fund.ClosedVote(demo.CommunityA, Matter.RaiseMaintenanceFund, passed: true);
        var now = api.Clock.GetUtcNow();
        // 4 instalments a year apart from next month: the last is 37 months away.
        var problem = await (await chair.PostJson(url, new
        {
            voteId = vote, title = "过长", basis = "Shortfall", dueBy = now.AddMonths(1), instalments = 4, intervalMonths = 12,
        })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_schedule_too_long");
        Assert.Contains("三年", problem.GetProperty("detail").GetString());
        await (await chair.PostJson(url, new { voteId = vote, title = "缺间隔", basis = "Shortfall", dueBy = now.AddMonths(1), instalments = 3 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.False(await api.WithDb(db => db.FundTopUpCampaigns.AnyAsync(c => c.VoteId == vote)));
        // Exactly 36 months to the last due date is within the limit.
        await (await chair.PostJson(url, new
        {
            voteId = vote, title = "三年内", basis = "Shortfall", dueBy = now.AddMonths(12), instalments = 3, intervalMonths = 12,
        })).ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Payments_online_and_offline_go_to_the_earliest_unpaid_instalment_first()
    {
        var demo = await Demo.Of(api);
        var campaign = await Campaign(api.Clock.GetUtcNow().AddMonths(2), 3, 3, ratePerSqmFen: 2_003);
        var resident = await api.ClientFor("resident-a");
        var owing = await Owing(resident, campaign.Id);
        var parts = owing.Instalments!.Select(i => i.AmountFen).ToList();

        var prepay = await (await resident.PostJson("/api/v1/payments", new { purpose = owing.Purpose, subjectId = owing.SubjectId }))
            .ShouldBe<PrepayView>(HttpStatusCode.OK);
        Assert.Equal(parts[0], prepay.Payment.AmountFen);
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);
        Assert.Equal(PaymentAcceptanceState.Accepted, (await _payments.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid)).Acceptance);
        owing = await Owing(resident, campaign.Id);
        Assert.Equal([parts[0], 0, 0], owing.Instalments!.Select(i => i.PaidFen).ToList());

        // A partial cash payment goes to instalment 2, not 3.
        var committee = await api.ClientFor("committee-a");
        var offline = await (await committee.PostJson($"/api/v1/fund/top-up-shares/{owing.SubjectId}/offline", new { amountFen = 100, note = "现金" }))
            .ShouldBe<OfflineTopUpView>(HttpStatusCode.Created);
        await (await (await api.ClientFor("chair-a")).PostAsync($"/api/v1/fund/offline-top-ups/{offline.Id}/confirm", null))
            .ShouldBe<OfflineTopUpView>(HttpStatusCode.OK);
        owing = await Owing(resident, campaign.Id);
        Assert.Equal([parts[0], 100, 0], owing.Instalments!.Select(i => i.PaidFen).ToList());
        Assert.Equal(parts[1] - 100, owing.PayNowFen);
        Assert.Equal(owing.AmountFen - parts[0] - 100, owing.OwingFen);
        await _fund.AssertInvariant(demo.CommunityA);
    }

    [Fact]
    public async Task The_committee_sees_who_is_overdue_on_an_instalment()
    {
        // The first instalment falls due in ten minutes, then one a month.
        var campaign = await Campaign(api.Clock.GetUtcNow().AddMinutes(10), 3, 1);
        var shares = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().Where(s => s.CampaignId == campaign.Id).OrderBy(s => s.Id).ToListAsync());
        var punctual = shares[0];
        var firstPart = TopUpSchedule.Split(punctual.AmountFen, 3)[0];
        var committee = await api.ClientFor("committee-a");
        var offline = await (await committee.PostJson($"/api/v1/fund/top-up-shares/{punctual.Id}/offline", new { amountFen = firstPart, note = "第一期" }))
            .ShouldBe<OfflineTopUpView>(HttpStatusCode.Created);
        await (await (await api.ClientFor("chair-a")).PostAsync($"/api/v1/fund/offline-top-ups/{offline.Id}/confirm", null))
            .ShouldBe<OfflineTopUpView>(HttpStatusCode.OK);
        var url = $"/api/v1/fund/top-up-campaigns/{campaign.Id}/unpaid";
        Assert.Empty(await (await committee.GetAsync(url + "?overdueOnly=true")).ShouldBe<List<UnpaidShareView>>(HttpStatusCode.OK));

        api.Clock.Advance(TimeSpan.FromMinutes(20));
        committee = await api.ClientFor("committee-a");
        var overdue = await (await committee.GetAsync(url + "?overdueOnly=true")).ShouldBe<List<UnpaidShareView>>(HttpStatusCode.OK);
        Assert.Equal(shares.Count - 1, overdue.Count);
        Assert.DoesNotContain(overdue, o => o.ShareId == punctual.Id);
        Assert.All(overdue, o => Assert.Equal((1, TopUpSchedule.Split(o.AmountFen, 3)[0]), (o.OverdueInstalments, o.OverdueFen)));
        var all = await (await committee.GetAsync(url)).ShouldBe<List<UnpaidShareView>>(HttpStatusCode.OK);
        var line = all.Single(o => o.ShareId == punctual.Id);
        Assert.Equal(0, line.OverdueFen);
        Assert.Equal(campaign.DueDates[1], line.NextDueBy);
    }
}
