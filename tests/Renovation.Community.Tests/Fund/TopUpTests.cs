using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;

namespace Renovation.Community.Tests.Fund;

/// <summary>Top-ups: only from a passed matter-6 vote; paid through WeChat Pay or offline with a second member's confirmation.</summary>
public sealed class TopUpTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);
    private readonly PaymentsWorld _payments = new(api);

    private object Campaign(Guid voteId) => new
    {
        voteId, title = "测试续筹", basis = "Shortfall", dueBy = api.Clock.GetUtcNow().AddMonths(3),
    };

    [Fact]
    public async Task A_top_up_campaign_needs_a_passed_matter_6_vote_of_the_community()
    {
        var demo = await Demo.Of(api);
        var chair = await api.ClientFor("chair-a");
        var url = $"/api/v1/communities/{demo.CommunityA}/fund/top-up-campaigns";
        await (await chair.PostJson(url, Campaign(Guid.NewGuid()))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_vote_not_found");
        await (await chair.PostJson(url, Campaign(await _fund.ClosedVote(demo.CommunityB, Matter.RaiseMaintenanceFund, passed: true))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_vote_not_found");
        await (await chair.PostJson(url, Campaign(await _fund.ClosedVote(demo.CommunityA, Matter.UseMaintenanceFund, passed: true))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_vote_wrong_matter");
        await (await chair.PostJson(url, Campaign(await _fund.ClosedVote(demo.CommunityA, Matter.RaiseMaintenanceFund, passed: false))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_vote_not_passed");
        await (await chair.PostJson(url, Campaign(await _fund.OpenVote(demo.CommunityA, Matter.RaiseMaintenanceFund))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_vote_not_passed");
        await (await chair.PostJson(url, new { title = "无表决", basis = "Shortfall", dueBy = api.Clock.GetUtcNow().AddMonths(3) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        var passed = await _fund.ClosedVote(demo.CommunityA, Matter.RaiseMaintenanceFund, passed: true);
        var answers = await Race.Run(Race.DefaultRacers, () => chair.PostJson(url, Campaign(passed)));
        answers.ExactlyOne(HttpStatusCode.Created).OthersAre(HttpStatusCode.Conflict, "top_up_campaign_exists");
        // Shortfall: exactly the households below their initial deposit owe, each the difference.
        var campaignId = await api.WithDb(db => db.FundTopUpCampaigns.Where(c => c.VoteId == passed).Select(c => c.Id).SingleAsync());
        var shares = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().Where(s => s.CampaignId == campaignId).ToListAsync());
        var households = (await _fund.Households(demo.CommunityA)).ToDictionary(h => h.Id);
        Assert.Equal(households.Values.Count(h => h.BalanceFen < h.InitialDepositFen), shares.Count);
        Assert.All(shares, s => Assert.Equal(households[s.HouseholdId].InitialDepositFen - households[s.HouseholdId].BalanceFen, s.AmountFen));
    }

    [Fact]
    public async Task A_household_pays_its_top_up_through_WeChat_Pay_and_the_credit_posts_the_top_up_entry()
    {
        var demo = await Demo.Of(api);
        var resident = await api.ClientFor("resident-a");
        var owing = (await (await resident.GetAsync("/api/v1/fund/mine")).ShouldBe<List<MyHouseholdView>>(HttpStatusCode.OK))
            .SelectMany(h => h.Owing).First(o => o.Purpose == "fund-top-up");
        var before = await _fund.Household(await _fund.UnitOf("resident-a"));
        var prepay = await (await resident.PostJson("/api/v1/payments", new { purpose = owing.Purpose, subjectId = owing.SubjectId }))
            .ShouldBe<PrepayView>(HttpStatusCode.OK);
        Assert.Equal(owing.OwingFen, prepay.Payment.AmountFen);
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);
        var paid = await _payments.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
        Assert.Equal(PaymentAcceptanceState.Accepted, paid.Acceptance);

        var entry = await api.WithDb(db => db.FundEntries.AsNoTracking().SingleAsync(e => e.SourceKey == $"payment:{paid.Id}"));
        Assert.Equal(FundEntryKind.TopUp, entry.Kind);
        Assert.Equal(owing.OwingFen, entry.AmountFen);
        var after = await _fund.Household(before.UnitId);
        Assert.Equal(before.BalanceFen + owing.OwingFen, after.BalanceFen);
        Assert.True(after.BalanceFen >= after.InitialDepositFen);
        // The class shares one database: the progress event is looked for by its campaign and the money this payment added.
        var campaignOfShare = await api.WithDb(db => db.FundTopUpShares.Where(s => s.Id == owing.SubjectId).Select(s => s.CampaignId).SingleAsync());
        var paidNow = await api.WithDb(db => db.FundTopUpCampaigns.Where(c => c.Id == campaignOfShare).Select(c => c.PaidFen).SingleAsync());
        var progress = await api.WithDb(db => db.OutboxEvents.AsNoTracking()
            .Where(e => e.Kind == FundEvents.TopUpProgressKind && e.PayloadJson.Contains(campaignOfShare.ToString())).Select(e => e.PayloadJson).ToListAsync());
        Assert.Contains(progress, p => System.Text.Json.JsonDocument.Parse(p).RootElement.GetProperty("paidFen").GetInt64() == paidNow);
        await _fund.AssertInvariant(demo.CommunityA);
        // Paid in full: nothing more to pay, and the committee no longer sees the household as unpaid.
        await (await resident.PostJson("/api/v1/payments", new { purpose = owing.Purpose, subjectId = owing.SubjectId }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_paid");
        var campaignId = await api.WithDb(db => db.FundTopUpShares.Where(s => s.Id == owing.SubjectId).Select(s => s.CampaignId).SingleAsync());
        var committee = await api.ClientFor("committee-a");
        var unpaid = await (await committee.GetAsync($"/api/v1/fund/top-up-campaigns/{campaignId}/unpaid"))
            .ShouldBe<List<UnpaidShareView>>(HttpStatusCode.OK);
        Assert.DoesNotContain(unpaid, u => u.ShareId == owing.SubjectId);
        Assert.NotEmpty(unpaid);
    }

    [Fact]
    public async Task Money_arriving_for_a_closed_campaign_is_rejected_and_refunded_without_an_entry()
    {
        var demo = await Demo.Of(api);
        var chair = await api.ClientFor("chair-a");
        var vote = await _fund.ClosedVote(demo.CommunityA, Matter.RaiseMaintenanceFund, passed: true);
        var campaign = await (await chair.PostJson($"/api/v1/communities/{demo.CommunityA}/fund/top-up-campaigns", new
        {
            voteId = vote, title = "按面积续筹", basis = "PerSquareMetre", ratePerSqmFen = 500, dueBy = api.Clock.GetUtcNow().AddMonths(3),
        })).ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);
        var unit = await _fund.UnitOf("coowner-a");
        var share = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().SingleAsync(s => s.CampaignId == campaign.Id && s.UnitId == unit));
        var coowner = await api.ClientFor("coowner-a");
        var prepay = await (await coowner.PostJson("/api/v1/payments", new { purpose = "fund-top-up", subjectId = share.Id }))
            .ShouldBe<PrepayView>(HttpStatusCode.OK);
        await (await chair.PostAsync($"/api/v1/fund/top-up-campaigns/{campaign.Id}/close", null)).ShouldBe<TopUpCampaignView>(HttpStatusCode.OK);
        // The close closed the order at WeChat; a payer whose cashier was still open pays it anyway.
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new WeChatSimulator.Pay.PaymentOptions { LateAfterClose = true }));
        var paid = await _payments.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
        Assert.Equal(PaymentAcceptanceState.Rejected, paid.Acceptance);
        Assert.False(await api.WithDb(db => db.FundEntries.AnyAsync(e => e.SourceKey == $"payment:{paid.Id}")));
        Assert.NotEmpty(await _payments.Refunds(paid.Id));
        await _fund.AssertInvariant(demo.CommunityA);
    }

    [Fact]
    public async Task An_offline_top_up_is_confirmed_by_a_different_committee_member_exactly_once()
    {
        var demo = await Demo.Of(api);
        var campaign = await api.WithDb(db => db.FundTopUpCampaigns.AsNoTracking().Where(c => c.CommunityId == demo.CommunityA)
            .OrderBy(c => c.CreatedAt).FirstAsync());
        // Not resident-a's share: another test of this class pays that one through WeChat Pay.
        var residentsUnit = await _fund.UnitOf("resident-a");
        var share = await api.WithDb(db => db.FundTopUpShares.AsNoTracking()
            .Where(s => s.CampaignId == campaign.Id && s.PaidFen == 0 && s.UnitId != residentsUnit).OrderByDescending(s => s.Id).FirstAsync());
        var household = await _fund.Household(share.UnitId);
        var committee = await api.ClientFor("committee-a");
        await (await committee.PostJson($"/api/v1/fund/top-up-shares/{share.Id}/offline", new { amountFen = share.AmountFen + 1, note = "现金" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_overpaid");
        var offline = await (await committee.PostJson($"/api/v1/fund/top-up-shares/{share.Id}/offline", new { amountFen = share.AmountFen, note = "现金收讫" }))
            .ShouldBe<OfflineTopUpView>(HttpStatusCode.Created);
        Assert.Equal(household.BalanceFen, (await _fund.Household(share.UnitId)).BalanceFen);
        await (await committee.PostAsync($"/api/v1/fund/offline-top-ups/{offline.Id}/confirm", null))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "offline_confirm_same_member");

        var chair = await api.ClientFor("chair-a");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => chair.PostAsync($"/api/v1/fund/offline-top-ups/{offline.Id}/confirm", null),
            db => db.FundEntries.CountAsync(e => e.SourceKey == $"offline:{offline.Id}"), HttpStatusCode.OK, HttpStatusCode.Conflict,
            "offline_already_confirmed");
        Assert.Equal(household.BalanceFen + share.AmountFen, (await _fund.Household(share.UnitId)).BalanceFen);
        await _fund.AssertInvariant(demo.CommunityA);
    }
}
