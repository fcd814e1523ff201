using System.Net;
using Renovation.Community.Api.Features.Payments;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Payments;

/// <summary>Refunds: caps enforced under the payment's concurrency token and by the database; accepted ≠ succeeded.</summary>
public sealed class RefundTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PaymentsWorld _world = new(api);

    private async Task<PaymentView> PaidPayment(long amountFen)
    {
        var prepay = await _world.Prepay(await _world.NewSubject(amountFen));
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);
        await _world.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
        return prepay.Payment;
    }

    private async Task<HttpResponseMessage> Refund(Guid paymentId, long amountFen, string user = "chair-a") =>
        await (await api.ClientFor(user)).PostJson($"/api/v1/payments/{paymentId}/refunds", new { amountFen, reason = "测试退款" });

    [Fact]
    public async Task Accepted_is_kept_distinct_from_succeeded()
    {
        var payment = await PaidPayment(1000);
        api.WeChat.HoldRefunds = true;
        try
        {
            var refund = await (await Refund(payment.Id, 400)).ShouldBe<RefundView>(HttpStatusCode.Created);
            Assert.Equal(RefundState.Processing, refund.State);
            Assert.Null(refund.SucceededAt);
            Assert.Equal(0, await _world.CountEvents(TestPaymentPurpose.RefundedKind, payment.Id));

            Assert.True(api.WeChat.SettleRefund(refund.OutRefundNo));
            await _world.WaitFor(payment.Id, _ => _world.Refunds(payment.Id).Result.Single().State == RefundState.Succeeded);
            Assert.Equal(1, await _world.CountEvents(TestPaymentPurpose.RefundedKind, payment.Id));
            Assert.Equal(1, await _world.CountEvents(PaymentEvents.RefundSucceeded, payment.Id));
        }
        finally
        {
            api.WeChat.HoldRefunds = false;
        }
    }

    [Fact]
    public async Task The_sum_of_refunds_never_exceeds_what_was_paid()
    {
        var payment = await PaidPayment(1000);
        await (await Refund(payment.Id, 600)).ShouldBe<RefundView>(HttpStatusCode.Created);
        var before = await RowCounts.Of(api);
        await (await Refund(payment.Id, 401)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "refund_exceeds_paid");
        Assert.Equal(before, await RowCounts.Of(api));
        await (await Refund(payment.Id, 400)).ShouldBe<RefundView>(HttpStatusCode.Created);
        Assert.Equal(1000, (await _world.Row(payment.Id)).RefundedFen);
    }

    [Fact]
    public async Task Concurrent_refunds_together_never_exceed_what_was_paid()
    {
        var payment = await PaidPayment(1000);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Refund(payment.Id, 300)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity));
        var refunds = await _world.Refunds(payment.Id);
        Assert.Equal(900, refunds.Sum(r => r.AmountFen));
        Assert.Equal(900, (await _world.Row(payment.Id)).RefundedFen);
    }

    [Fact]
    public async Task At_most_fifty_refunds_per_order()
    {
        var payment = await PaidPayment(100);
        for (var i = 0; i < Payment.MaxRefunds; i++)
            await (await Refund(payment.Id, 1)).ShouldBe<RefundView>(HttpStatusCode.Created);
        await (await Refund(payment.Id, 1)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "refund_limit_reached");
        var refunds = await _world.Refunds(payment.Id);
        Assert.Equal(50, refunds.Count);
        Assert.Equal(50, refunds.Select(r => r.OutRefundNo).Distinct().Count());
    }

    [Fact]
    public async Task Only_the_committee_chair_refunds_owners_money()
    {
        var payment = await PaidPayment(500);
        await (await Refund(payment.Id, 100, "committee-a")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Refund(payment.Id, 100, "resident-a")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Refund(payment.Id, 100, "property-a")).ShouldBeProblem(HttpStatusCode.NotFound, "payment_not_found");
    }
}
