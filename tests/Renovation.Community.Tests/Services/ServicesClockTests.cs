using System.Net;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Services;

/// <summary>A one-minute hold, so moving the clock past it stays inside WeChat's five-minute signature window.</summary>
public sealed class ShortHoldApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Services:HoldSeconds"] = "60",
    };
}

/// <summary>Holds that expire: the seat goes back, and money arriving afterwards is refunded automatically.</summary>
public sealed class ServiceHoldExpiryTests(ShortHoldApiFactory api) : IClassFixture<ShortHoldApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    [Fact]
    public async Task An_expired_unpaid_order_frees_its_slot_and_payment_arriving_later_is_refunded()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        var prepay = await _world.Prepay(order.Id);
        await (await _world.SendOrder(item, "coowner-a")).ShouldBeProblem(HttpStatusCode.Conflict, "slot_full");

        api.Clock.Advance(TimeSpan.FromSeconds(70));
        await _world.Sweep();
        var expired = await _world.Row(order.Id);
        Assert.Equal((ServiceOrderState.Expired, false), (expired.State, expired.SlotHeld));
        Assert.Equal(0, (await _world.Slot(item.Slots[0].Id)).Held);
        await (await (await api.ClientFor("resident-a")).PostJson("/api/v1/payments", new { purpose = "service-order", subjectId = order.Id }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "order_not_payable");
        var other = await _world.Order(item, "coowner-a");
        Assert.Equal(1, (await _world.Slot(item.Slots[0].Id)).Held);

        // The resident pays the old WeChat order anyway (even if the payments sweep closed it): rejected, refunded in full.
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { LateAfterClose = true });
        await _world.WaitForRefunds(order.Id, r => r.Count == 1);
        await _world.PaymentSweep(); // automatic refunds are sent by the payments sweep
        var refunds = await _world.WaitForRefunds(order.Id, r => r.Count == 1 && r[0].State == RefundState.Succeeded);
        Assert.Equal((prepay.Payment.AmountFen, RefundOrigin.Automatic), (refunds[0].AmountFen, refunds[0].Origin));
        var payment = Assert.Single(await _world.PaymentsOf(order.Id));
        Assert.Equal((PaymentState.Paid, PaymentAcceptanceState.Rejected), (payment.State, payment.Acceptance));
        Assert.Equal(ServiceOrderState.Expired, (await _world.Row(order.Id)).State);
        Assert.Equal(ServiceOrderState.Created, (await _world.Row(other.Id)).State);
        Assert.Equal(1, (await _world.Slot(item.Slots[0].Id)).Held);
    }

    [Fact]
    public async Task Money_arriving_after_the_hold_is_refunded_and_the_seat_freed_whichever_notices_first()
    {
        var item = await _world.NewItem(slotCapacity: 2);
        var order = await _world.Order(item);
        var prepay = await _world.Prepay(order.Id);
        api.Clock.Advance(TimeSpan.FromSeconds(70));

        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { LateAfterClose = true });
        await _world.WaitForRefunds(order.Id, r => r.Count == 1);
        var row = await _world.Row(order.Id);
        Assert.Equal((ServiceOrderState.Expired, false), (row.State, row.SlotHeld));
        Assert.Equal(0, (await _world.Slot(item.Slots[0].Id)).Held);
        Assert.Null(row.PaymentId);
    }
}

/// <summary>Days pass: unconfirmed orders confirm themselves; disputes close.</summary>
public sealed class ServiceConfirmationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    [Fact]
    public async Task A_completed_order_is_confirmed_automatically_after_the_setting_and_disputes_close_later()
    {
        var order = await _world.Paid(await _world.NewItem());
        foreach (var verb in new[] { "accept", "start", "complete" })
            await _world.Move(order.Id, verb, "property-a");

        api.Clock.Advance(TimeSpan.FromDays(6));
        await _world.Sweep();
        Assert.Equal(ServiceOrderState.Completed, (await _world.Row(order.Id)).State);

        api.Clock.Advance(TimeSpan.FromDays(1.1));
        await _world.Sweep();
        var confirmed = await _world.Get(order.Id);
        Assert.Equal((ServiceOrderState.Confirmed, true), (confirmed.State, confirmed.AutoConfirmed));
        Assert.Equal(ServiceOrderState.Rated, (await _world.Move(order.Id, "rate", "resident-a", new { stars = 3 })).State);

        api.Clock.Advance(TimeSpan.FromDays(8));
        await (await _world.Post(order.Id, "dispute", "resident-a", new { text = "迟来的投诉" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "dispute_window_closed");
    }
}
