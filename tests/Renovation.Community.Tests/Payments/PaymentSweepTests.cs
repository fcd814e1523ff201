using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Payments;

/// <summary>
/// The sweep: silent orders, expiry, money that arrives late or for a subject that cannot take it. The clock moves by
/// little more than a minute per test (the test purpose's time_expire), so signatures stay inside WeChat's 5 minutes.
/// </summary>
public sealed class PaymentSweepTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PaymentsWorld _world = new(api);

    private Task Sweep() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<PaymentSweep>();

    [Fact]
    public async Task Late_payment_after_close_is_credited_once_and_refunded_in_full_with_the_reason()
    {
        var prepay = await _world.Prepay(await _world.NewSubject(amountFen: 800));
        api.Clock.Advance(TimeSpan.FromSeconds(65));
        await Sweep();
        var closed = await _world.Row(prepay.Payment.Id);
        Assert.Equal(PaymentState.Closed, closed.State);
        Assert.Equal("CLOSED", api.WeChat.Orders.Find(closed.OutTradeNo)!.TradeState);
        Assert.Equal(1, await _world.CountEvents(PaymentEvents.Closed, closed.Id));

        await api.WeChat.PayAsync(closed.OutTradeNo, new PaymentOptions { LateAfterClose = true });
        var paid = await _world.WaitFor(closed.Id, p => p.State == PaymentState.Paid);
        Assert.Equal(PaymentAcceptanceState.Rejected, paid.Acceptance);
        Assert.Equal(0, await _world.PurposeCredits(paid.Id));
        Assert.Contains(await _world.Incidents(paid.Id, paid.OutTradeNo), i => i.Kind == PaymentIncidentKind.PaidAfterClose);

        await Sweep();
        var refund = Assert.Single(await _world.Refunds(paid.Id));
        Assert.Equal(800, refund.AmountFen);
        Assert.Equal(RefundOrigin.Automatic, refund.Origin);
        await _world.WaitFor(paid.Id, _ => _world.Refunds(paid.Id).Result.Single().State == RefundState.Succeeded);
        Assert.Equal(1, await _world.CountEvents(PaymentEvents.Rejected, paid.Id));
        Assert.Equal(1, await _world.CountEvents(PaymentEvents.RefundSucceeded, paid.Id));
    }

    [Fact]
    public async Task Money_for_a_subject_that_can_no_longer_take_it_is_refunded_automatically_and_the_payer_told_why()
    {
        var subject = await _world.NewSubject(amountFen: 300);
        var prepay = await _world.Prepay(subject);
        TestPaymentPurpose.Subjects[subject].RejectWith = "该续筹活动已结束";
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);

        var paid = await _world.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
        Assert.Equal(PaymentAcceptanceState.Rejected, paid.Acceptance);
        Assert.Equal("该续筹活动已结束", paid.RejectionReason);
        await Sweep();
        await _world.WaitFor(paid.Id, _ => _world.Refunds(paid.Id).Result.Single().State == RefundState.Succeeded);
        var view = await _world.Get(paid.Id);
        Assert.Equal(300, view.RefundedFen);
        Assert.Equal(0, await _world.PurposeCredits(paid.Id));
        Assert.Equal(0, await _world.CountEvents(TestPaymentPurpose.RefundedKind, paid.Id));
    }

    [Fact]
    public async Task The_sweep_credits_a_paid_order_whose_notification_never_came()
    {
        var prepay = await _world.Prepay(await _world.NewSubject());
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true });
        api.Clock.Advance(TimeSpan.FromSeconds(61));
        await Sweep();

        var row = await _world.Row(prepay.Payment.Id);
        Assert.Equal(PaymentState.Paid, row.State);
        Assert.Equal(1, await _world.PurposeCredits(row.Id));
        await Sweep();
        Assert.Equal(1, await _world.PurposeCredits(row.Id));
    }
}
