using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Fund;

/// <summary>
/// Issue #25 point 1, for top-up shares: a share paid at WeChat before the campaign's last due date is honoured however
/// late the notification, and the WeChat order expires no later than that date. Its own host: the clock moves.
/// </summary>
public sealed class TopUpDeadlineTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);
    private readonly PaymentsWorld _payments = new(api);

    /// <summary>A campaign due in ten minutes (whole seconds, as stored) and resident-a's share of it.</summary>
    private async Task<(DateTimeOffset DueBy, TopUpShare Share)> ShareDueSoon()
    {
        var demo = await Demo.Of(api);
        var vote = await _fund.ClosedVote(demo.CommunityA, Matter.RaiseMaintenanceFund, passed: true);
        var dueBy = DateTimeOffset.FromUnixTimeSeconds(api.Clock.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds());
        var campaign = await (await (await api.ClientFor("chair-a")).PostJson($"/api/v1/communities/{demo.CommunityA}/fund/top-up-campaigns",
            new { voteId = vote, title = "限期续筹", basis = "PerSquareMetre", ratePerSqmFen = 1_000, dueBy }))
            .ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);
        var unit = await _fund.UnitOf("resident-a");
        var share = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().SingleAsync(s => s.CampaignId == campaign.Id && s.UnitId == unit));
        return (dueBy, share);
    }

    private async Task<PrepayView> Prepay(Guid shareId) =>
        await (await (await api.ClientFor("resident-a")).PostJson("/api/v1/payments", new { purpose = "fund-top-up", subjectId = shareId }))
            .ShouldBe<PrepayView>(HttpStatusCode.OK);

    private Task<long> PaidFen(Guid shareId) =>
        api.WithDb(db => db.FundTopUpShares.AsNoTracking().Where(s => s.Id == shareId).Select(s => s.PaidFen).SingleAsync());

    [Fact]
    public async Task The_time_expire_sent_to_WeChat_is_the_campaigns_last_due_date_when_that_comes_first()
    {
        var (dueBy, share) = await ShareDueSoon();

        var prepay = await Prepay(share.Id);

        Assert.Equal(dueBy, api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.TimeExpire);
        Assert.Equal(dueBy, prepay.Payment.ExpiresAt);
    }

    [Fact]
    public async Task A_share_paid_at_WeChat_8_s_before_the_due_date_is_honoured_when_the_notification_arrives_after_it()
    {
        var (dueBy, share) = await ShareDueSoon();
        var prepay = await Prepay(share.Id);
        api.Clock.Advance(dueBy - TimeSpan.FromSeconds(8) - api.Clock.GetUtcNow());
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));

        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(api.WeChat.NotifyPaid(prepay.Payment.OutTradeNo));
        var payment = await _payments.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);

        Assert.Equal(PaymentAcceptanceState.Accepted, payment.Acceptance);
        Assert.True(payment.PaidAt < dueBy);
        Assert.Equal(prepay.Payment.AmountFen, await PaidFen(share.Id));
        Assert.Empty(await _payments.Refunds(payment.Id));
        await _fund.AssertInvariant((await Demo.Of(api)).CommunityA);
    }

    [Fact]
    public async Task The_payments_sweep_credits_a_share_order_WeChat_took_before_the_due_date_instead_of_closing_it()
    {
        var (dueBy, share) = await ShareDueSoon();
        var prepay = await Prepay(share.Id);
        api.Clock.Advance(dueBy - TimeSpan.FromSeconds(5) - api.Clock.GetUtcNow());
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));
        api.Clock.Advance(TimeSpan.FromSeconds(30));

        await api.Services.GetRequiredService<Application.Jobs.JobRunner>().RunNowAsync<PaymentSweep>();

        var payment = await _payments.Row(prepay.Payment.Id);
        Assert.Equal((PaymentState.Paid, PaymentAcceptanceState.Accepted, SettlementSource.Sweep),
            (payment.State, payment.Acceptance, payment.SettledVia));
        Assert.Equal(prepay.Payment.AmountFen, await PaidFen(share.Id));
    }

    [Fact]
    public async Task Closing_a_campaign_closes_an_open_share_order_at_WeChat()
    {
        var (_, share) = await ShareDueSoon();
        var prepay = await Prepay(share.Id);

        await (await (await api.ClientFor("chair-a")).PostAsync($"/api/v1/fund/top-up-campaigns/{share.CampaignId}/close", null))
            .ShouldBe<TopUpCampaignView>(HttpStatusCode.OK);

        Assert.Equal("CLOSED", api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.TradeState);
        var payment = await _payments.Row(prepay.Payment.Id);
        Assert.Equal((PaymentState.Closed, SettlementSource.Close), (payment.State, payment.SettledVia));
        Assert.Equal(0, await PaidFen(share.Id));
    }

    [Fact]
    public async Task Closing_a_campaign_credits_a_share_order_WeChat_took_before_the_close()
    {
        var (_, share) = await ShareDueSoon();
        var prepay = await Prepay(share.Id);
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));
        api.Clock.Advance(TimeSpan.FromSeconds(2));

        await (await (await api.ClientFor("chair-a")).PostAsync($"/api/v1/fund/top-up-campaigns/{share.CampaignId}/close", null))
            .ShouldBe<TopUpCampaignView>(HttpStatusCode.OK);

        var payment = await _payments.Row(prepay.Payment.Id);
        Assert.Equal((PaymentState.Paid, PaymentAcceptanceState.Accepted, SettlementSource.Close),
            (payment.State, payment.Acceptance, payment.SettledVia));
        Assert.Equal(prepay.Payment.AmountFen, await PaidFen(share.Id));
        Assert.Empty(await _payments.Refunds(payment.Id));
    }

    [Fact]
    public async Task The_payments_sweep_closes_an_unpaid_share_order_at_WeChat_at_the_due_date()
    {
        var (dueBy, share) = await ShareDueSoon();
        var prepay = await Prepay(share.Id);
        api.Clock.Advance(dueBy + TimeSpan.FromSeconds(1) - api.Clock.GetUtcNow());

        await api.Services.GetRequiredService<Application.Jobs.JobRunner>().RunNowAsync<PaymentSweep>();

        Assert.Equal("CLOSED", api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.TradeState);
        var payment = await _payments.Row(prepay.Payment.Id);
        Assert.Equal((PaymentState.Closed, SettlementSource.Sweep), (payment.State, payment.SettledVia));
        Assert.Equal(0, await PaidFen(share.Id));
    }
}
