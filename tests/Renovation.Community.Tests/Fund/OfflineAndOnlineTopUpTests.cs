using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Fund;

/// <summary>
/// A share is charged once when the household pays online and the committee confirms cash for the same share: the
/// confirmation gives up the open WeChat Pay order first (closed, or credited when WeChat already took the money).
/// </summary>
public sealed class OfflineAndOnlineTopUpTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);
    private readonly PaymentsWorld _payments = new(api);

    /// <summary>A demo household's open share: resident-a starts paying it online, committee-a enters the same in cash.</summary>
    private async Task<(PrepayView Online, OfflineTopUpView Cash, TopUpShare Share)> PayingBothWays(string resident)
    {
        var unit = await _fund.UnitOf(resident);
        var share = await api.WithDb(db => db.FundTopUpShares.AsNoTracking()
            .Where(s => s.UnitId == unit && s.PaidFen == 0).OrderBy(s => s.Id).FirstAsync());
        var online = await (await (await api.ClientFor(resident)).PostJson("/api/v1/payments", new { purpose = "fund-top-up", subjectId = share.Id }))
            .ShouldBe<PrepayView>(HttpStatusCode.OK);
        var cash = await (await (await api.ClientFor("committee-a")).PostJson($"/api/v1/fund/top-up-shares/{share.Id}/offline",
            new { amountFen = share.AmountFen, note = "现金收讫" })).ShouldBe<OfflineTopUpView>(HttpStatusCode.Created);
        return (online, cash, share);
    }

    [Fact]
    public async Task Confirming_cash_closes_the_households_open_WeChat_order_so_it_cannot_be_paid_too()
    {
        var (online, cash, share) = await PayingBothWays("resident-a");

        await (await (await api.ClientFor("chair-a")).PostAsync($"/api/v1/fund/offline-top-ups/{cash.Id}/confirm", null))
            .ShouldBe<OfflineTopUpView>(HttpStatusCode.OK);

        Assert.Equal("CLOSED", api.WeChat.Orders.Find(online.Payment.OutTradeNo)!.TradeState);
        Assert.False(await api.WeChat.PayAsync(online.Payment.OutTradeNo));
        Assert.Equal(PaymentState.Closed, (await _payments.Row(online.Payment.Id)).State);
        var paid = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().Where(s => s.Id == share.Id).Select(s => s.PaidFen).SingleAsync());
        Assert.Equal(share.AmountFen, paid);
        await _fund.AssertInvariant((await Demo.Of(api)).CommunityA);
    }

    [Fact]
    public async Task Cash_for_a_share_WeChat_was_already_paid_for_is_refused_and_the_online_money_is_credited_once()
    {
        var (online, cash, share) = await PayingBothWays("coowner-a");
        Assert.True(await api.WeChat.PayAsync(online.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));

        await (await (await api.ClientFor("chair-a")).PostAsync($"/api/v1/fund/offline-top-ups/{cash.Id}/confirm", null))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "top_up_not_accepted");

        var payment = await _payments.Row(online.Payment.Id);
        Assert.Equal((PaymentState.Paid, PaymentAcceptanceState.Accepted), (payment.State, payment.Acceptance));
        var entries = await api.WithDb(db => db.FundEntries.AsNoTracking().Where(e => e.SourceKey == $"payment:{payment.Id}" || e.SourceKey == $"offline:{cash.Id}").ToListAsync());
        Assert.Equal($"payment:{payment.Id}", Assert.Single(entries).SourceKey);
        var paid = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().Where(s => s.Id == share.Id).Select(s => s.PaidFen).SingleAsync());
        Assert.Equal(share.AmountFen, paid);
        await _fund.AssertInvariant((await Demo.Of(api)).CommunityA);
    }
}
