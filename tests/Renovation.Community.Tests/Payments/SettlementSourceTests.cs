using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Payments;

/// <summary>
/// Issue #27 point 4: which path ended a payment (notification, the payer's poll, a sweep, a close, reconciliation) is
/// recorded on the payment (so in its audit trail), shown in the payment view and carried by its events.
/// </summary>
public sealed class SettlementSourceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PaymentsWorld _world = new(api);

    [Fact]
    public async Task A_payment_credited_by_its_notification_shows_settledVia_Notification_in_the_view_and_the_event()
    {
        var prepay = await _world.Prepay(await _world.NewSubject(amountFen: 801));

        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);
        await _world.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);

        Assert.Equal(SettlementSource.Notification, (await _world.Get(prepay.Payment.Id)).SettledVia);
        var id = prepay.Payment.Id.ToString();
        var paidEvent = await api.WithDb(db => db.OutboxEvents.AsNoTracking()
            .SingleAsync(e => e.Kind == PaymentEvents.Paid && e.PayloadJson.Contains(id)));
        Assert.Contains("\"settledVia\":\"Notification\"", paidEvent.PayloadJson);
    }

    [Fact]
    public async Task A_payment_found_paid_by_the_payers_poll_shows_settledVia_ClientQuery()
    {
        var prepay = await _world.Prepay(await _world.NewSubject(amountFen: 802));
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true });

        var view = await _world.Get(prepay.Payment.Id);

        Assert.Equal((PaymentState.Paid, SettlementSource.ClientQuery), (view.State, view.SettledVia));
    }

    [Fact]
    public async Task A_payment_the_payer_gives_up_shows_settledVia_Close_in_the_view_and_the_audit_and_an_open_one_shows_none()
    {
        var prepay = await _world.Prepay(await _world.NewSubject(amountFen: 803));
        Assert.Null(prepay.Payment.SettledVia);

        var closed = await (await (await api.ClientFor("resident-a")).PostAsync($"/api/v1/payments/{prepay.Payment.Id}/close", null))
            .ShouldBe<PaymentView>(HttpStatusCode.OK);

        Assert.Equal((PaymentState.Closed, SettlementSource.Close), (closed.State, closed.SettledVia));
        Assert.Equal(SettlementSource.Close, (await _world.Row(prepay.Payment.Id)).SettledVia);
        var id = prepay.Payment.Id.ToString();
        var audited = await api.WithDb(db => db.AuditLog.AsNoTracking()
            .Where(e => e.EntityType == nameof(Payment) && e.EntityId == id).Select(e => e.After).ToListAsync());
        // The audit snapshot writes enums as numbers.
        Assert.Contains(audited, after => after != null
            && (after.Contains($"\"SettledVia\":{(int)SettlementSource.Close}") || after.Contains("\"SettledVia\":\"Close\"")));
    }
}
