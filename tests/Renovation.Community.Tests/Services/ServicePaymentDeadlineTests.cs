using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Payments;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Services;

/// <summary>
/// Issue #25 point 1, for service orders: a payment made in time is honoured. The hold's end is judged by WeChat's own
/// payment time (success_time), the WeChat order expires with the hold, and the sweep closes an open WeChat order
/// (or credits it, if WeChat already took the money) before it expires the order.
/// </summary>
public sealed class ServicePaymentDeadlineTests(ThreeMinuteHoldApiFactory api) : IClassFixture<ThreeMinuteHoldApiFactory>
{
    private readonly ServicesWorld _world = new(api);
    private readonly PaymentsWorld _payments = new(api);

    /// <summary>Moves the shared clock to <paramref name="before"/> ahead of the order's hold end.</summary>
    private void AdvanceTo(ServiceOrderView order, TimeSpan before) =>
        api.Clock.Advance(order.ExpiresAt - before - api.Clock.GetUtcNow());

    [Fact]
    public async Task A_payment_WeChat_took_8_s_before_the_deadline_is_honoured_when_its_notification_arrives_after_the_deadline_and_the_sweep()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        var prepay = await _world.Prepay(order.Id);
        AdvanceTo(order, TimeSpan.FromSeconds(8));
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));
        var successTime = api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.SuccessTime!.Value;
        Assert.True(successTime < order.ExpiresAt);

        api.Clock.Advance(TimeSpan.FromSeconds(20));
        await _world.Sweep();
        await _world.PaymentSweep();
        Assert.True(api.WeChat.NotifyPaid(prepay.Payment.OutTradeNo));
        await _payments.WaitForDeliveries(prepay.Payment.OutTradeNo, 1, d => d.Succeeded);

        var row = await _world.Row(order.Id);
        Assert.Equal((ServiceOrderState.Paid, true, prepay.Payment.Id), (row.State, row.SlotHeld, row.PaymentId));
        Assert.Equal(successTime.ToUnixTimeSeconds(), row.PaidAt!.Value.ToUnixTimeSeconds());
        var payment = Assert.Single(await _world.PaymentsOf(order.Id));
        Assert.Equal((PaymentState.Paid, PaymentAcceptanceState.Accepted), (payment.State, payment.Acceptance));
        Assert.Empty(await _world.Refunds(order.Id));
        Assert.Equal(0, await _world.Events(ServiceEvents.Expired, order.Id));
    }

    [Fact]
    public async Task A_payment_made_in_time_is_honoured_when_only_a_late_notification_tells_of_it()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        var prepay = await _world.Prepay(order.Id);
        AdvanceTo(order, TimeSpan.FromSeconds(8));
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));

        // The news arrives after the hold ended: judged by when WeChat took the money, not by when we heard.
        api.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(api.WeChat.NotifyPaid(prepay.Payment.OutTradeNo));
        await _payments.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);

        var payment = await _payments.Row(prepay.Payment.Id);
        Assert.Equal(PaymentAcceptanceState.Accepted, payment.Acceptance);
        Assert.Equal(ServiceOrderState.Paid, (await _world.Row(order.Id)).State);
        Assert.Empty(await _world.Refunds(order.Id));
    }

    [Fact]
    public async Task The_sweeps_and_late_notifications_racing_on_a_payment_made_in_time_credit_it_once_and_never_expire_the_order()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        var prepay = await _world.Prepay(order.Id);
        AdvanceTo(order, TimeSpan.FromSeconds(8));
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));
        api.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.True(api.WeChat.NotifyPaid(prepay.Payment.OutTradeNo, new PaymentOptions { Duplicates = 3 }));
        await Task.WhenAll(_world.Sweep(), _world.PaymentSweep());
        await _payments.WaitForDeliveries(prepay.Payment.OutTradeNo, 4, d => d.Succeeded);

        Assert.Equal(ServiceOrderState.Paid, (await _world.Row(order.Id)).State);
        Assert.Equal(1, await _payments.CountEvents(PaymentEvents.Paid, prepay.Payment.Id));
        // One service-order.paid to the resident and one to the company's staff: the order was paid once.
        Assert.Equal(2, await _world.Events(ServiceEvents.Paid, order.Id));
        Assert.Equal(0, await _world.Events(ServiceEvents.Expired, order.Id));
        Assert.Empty(await _world.Refunds(order.Id));
    }

    [Fact]
    public async Task The_sweep_closes_an_open_WeChat_order_at_WeChat_before_expiring_the_order()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        var prepay = await _world.Prepay(order.Id);
        AdvanceTo(order, TimeSpan.FromSeconds(-5));

        await _world.Sweep();

        Assert.Equal("CLOSED", api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.TradeState);
        Assert.False(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo));
        var payment = await _payments.Row(prepay.Payment.Id);
        Assert.Equal((PaymentState.Closed, SettlementSource.Sweep), (payment.State, payment.SettledVia));
        var row = await _world.Row(order.Id);
        Assert.Equal((ServiceOrderState.Expired, false), (row.State, row.SlotHeld));
        Assert.Equal(0, (await _world.Slot(item.Slots[0].Id)).Held);
    }

    [Fact]
    public async Task The_sweep_credits_an_order_WeChat_already_took_instead_of_expiring_it()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        var prepay = await _world.Prepay(order.Id);
        AdvanceTo(order, TimeSpan.FromSeconds(3));
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));
        api.Clock.Advance(TimeSpan.FromSeconds(10));

        await _world.Sweep();

        Assert.Equal("SUCCESS", api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.TradeState);
        var payment = await _payments.Row(prepay.Payment.Id);
        Assert.Equal((PaymentState.Paid, PaymentAcceptanceState.Accepted, SettlementSource.Sweep),
            (payment.State, payment.Acceptance, payment.SettledVia));
        var row = await _world.Row(order.Id);
        Assert.Equal((ServiceOrderState.Paid, true), (row.State, row.SlotHeld));
        Assert.Equal(1, (await _world.Slot(item.Slots[0].Id)).Held);
        Assert.Empty(await _world.Refunds(order.Id));
    }

    [Fact]
    public async Task Money_WeChat_took_after_the_deadline_is_refused_and_refunded_by_its_success_time()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        var prepay = await _world.Prepay(order.Id);
        // A payer still in WeChat's cashier when the hold ended (the WeChat order may already be closed: paid anyway).
        AdvanceTo(order, TimeSpan.FromSeconds(-3));
        Assert.True(await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { LateAfterClose = true }));
        Assert.True(api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.SuccessTime > order.ExpiresAt);

        await _world.Sweep();

        var refund = Assert.Single(await _world.WaitForRefunds(order.Id, r => r.Count == 1));
        Assert.Equal((prepay.Payment.AmountFen, RefundOrigin.Automatic), (refund.AmountFen, refund.Origin));
        var payment = await _payments.Row(prepay.Payment.Id);
        Assert.Equal((PaymentState.Paid, PaymentAcceptanceState.Rejected), (payment.State, payment.Acceptance));
        Assert.Equal(ServiceOrderState.Expired, (await _world.Row(order.Id)).State);
    }

    [Fact]
    public async Task The_time_expire_sent_to_WeChat_is_the_orders_hold_end_not_the_purposes_window_from_prepay()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        api.Clock.Advance(TimeSpan.FromSeconds(20));

        var prepay = await _world.Prepay(order.Id);

        var holdEnd = order.ExpiresAt.ToUnixTimeSeconds();
        Assert.Equal(holdEnd, api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.TimeExpire!.Value.ToUnixTimeSeconds());
        Assert.Equal(holdEnd, prepay.Payment.ExpiresAt.ToUnixTimeSeconds());
    }
}
