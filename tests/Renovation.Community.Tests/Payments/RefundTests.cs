using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Faults;
using Renovation.Community.WeChatSimulator.Pay;

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
    public async Task The_refund_success_time_WeChat_reports_in_China_time_is_stored_as_UTC()
    {
        var payment = await PaidPayment(700);
        var before = api.Clock.GetUtcNow().AddSeconds(-2);
        await (await Refund(payment.Id, 700)).ShouldBe<RefundView>(HttpStatusCode.Created);
        await _world.WaitFor(payment.Id, _ => _world.Refunds(payment.Id).Result.Single().State == RefundState.Succeeded);

        var stored = (await _world.Refunds(payment.Id)).Single().SucceededAt!.Value;
        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.InRange(stored, before, api.Clock.GetUtcNow().AddSeconds(2));
        Assert.Equal(TimeSpan.Zero, (await _world.Row(payment.Id)).PaidAt!.Value.Offset);
    }

    [Fact]
    public async Task The_sum_of_refunds_never_exceeds_what_was_paid()
    {
        var payment = await PaidPayment(1000);
        await (await Refund(payment.Id, 600)).ShouldBe<RefundView>(HttpStatusCode.Created);
        // Its REFUND.SUCCESS notification writes too; let it land before counting rows.
        await _world.WaitFor(payment.Id, _ => _world.Refunds(payment.Id).Result.Single().State == RefundState.Succeeded);
        var before = await RowCounts.Settled(api);
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
    public async Task Failed_refunds_do_not_count_toward_the_fifty_refund_limit()
    {
        var payment = await PaidPayment(100);
        api.WeChat.Faults.Inject(SimulatorPaths.Refunds, Fault.PayError(400, "PARAM_ERROR"), times: 3);
        for (var i = 0; i < 3; i++)
            Assert.Equal(RefundState.Failed, (await (await Refund(payment.Id, 1)).ShouldBe<RefundView>(HttpStatusCode.Created)).State);

        for (var i = 0; i < Payment.MaxRefunds; i++)
            await (await Refund(payment.Id, 1)).ShouldBe<RefundView>(HttpStatusCode.Created);
        await (await Refund(payment.Id, 1)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "refund_limit_reached");

        var refunds = await _world.Refunds(payment.Id);
        Assert.Equal((3, 50), (refunds.Count(r => r.State == RefundState.Failed), refunds.Count(r => r.State != RefundState.Failed)));
        Assert.Equal(53, refunds.Select(r => r.OutRefundNo).Distinct().Count());
        var row = await _world.Row(payment.Id);
        Assert.Equal((53, 3, 50L), (row.RefundCount, row.FailedRefundCount, row.RefundedFen));
    }

    [Fact]
    public async Task The_database_refuses_a_fifty_first_refund_that_is_not_failed()
    {
        var payment = await PaidPayment(100);
        await (await Refund(payment.Id, 1)).ShouldBe<RefundView>(HttpStatusCode.Created);
        await SetRefundCounts(payment.Id, 50, 1);

        // 49 live refunds: one more is allowed by the database; 51 live ones are not, whatever the code checks.
        await SetRefundCounts(payment.Id, 51, 1);
        var refused = await Record.ExceptionAsync(() => SetRefundCounts(payment.Id, 52, 1));
        Assert.True(refused is System.Data.Common.DbException || refused?.InnerException is System.Data.Common.DbException, $"not refused: {refused}");
        Assert.Equal(51, (await _world.Row(payment.Id)).RefundCount);
    }

    private Task SetRefundCounts(Guid paymentId, int count, int failed) => api.WithDb(db => db.Payments.Where(p => p.Id == paymentId)
        .ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundCount, count).SetProperty(p => p.FailedRefundCount, failed)));

    [Fact]
    public async Task Only_the_committee_chair_refunds_owners_money()
    {
        var payment = await PaidPayment(500);
        await (await Refund(payment.Id, 100, "committee-a")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Refund(payment.Id, 100, "resident-a")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Refund(payment.Id, 100, "property-a")).ShouldBeProblem(HttpStatusCode.NotFound, "payment_not_found");
    }

    [Fact]
    public async Task A_refund_notification_naming_another_merchant_is_an_incident_and_changes_nothing()
    {
        var payment = await PaidPayment(800);
        api.WeChat.HoldRefunds = true;
        try
        {
            var refund = await (await Refund(payment.Id, 300)).ShouldBe<RefundView>(HttpStatusCode.Created);
            Assert.True(api.WeChat.SettleRefund(refund.OutRefundNo, new PaymentOptions { ReportedMchId = "1900000999" }));
            // The payment's own notification, then the refund's.
            await _world.WaitForDeliveries(payment.OutTradeNo, 2, d => d.Succeeded);

            Assert.Equal(RefundState.Processing, (await _world.Refunds(payment.Id)).Single().State);
            Assert.Equal(0, await _world.CountEvents(PaymentEvents.RefundSucceeded, payment.Id));
            Assert.Equal(0, await _world.CountEvents(TestPaymentPurpose.RefundedKind, payment.Id));
            var incident = Assert.Single(await api.WithDb(db => Task.FromResult(
                db.PaymentIncidents.Where(i => i.Reference == refund.OutRefundNo).ToList())));
            Assert.Equal(PaymentIncidentKind.WrongMerchant, incident.Kind);
        }
        finally
        {
            api.WeChat.HoldRefunds = false;
        }
    }

    [Theory]
    [InlineData(400, "PARAM_ERROR")]
    [InlineData(403, "NOT_ENOUGH")]
    [InlineData(400, "INVALID_REQUEST")]
    public async Task A_refund_WeChat_refuses_for_good_fails_with_the_reason_and_frees_the_amount(int status, string code)
    {
        var payment = await PaidPayment(1000);
        api.WeChat.Faults.Inject(SimulatorPaths.Refunds, Fault.PayError(status, code));

        var failed = await (await Refund(payment.Id, 1000)).ShouldBe<RefundView>(HttpStatusCode.Created);
        Assert.Equal(RefundState.Failed, failed.State);
        Assert.Contains(code, failed.FailureReason);
        Assert.Equal(0, (await _world.Row(payment.Id)).RefundedFen);
        Assert.Equal(1, await _world.CountEvents(PaymentEvents.RefundFailed, payment.Id));
        var row = (await _world.Refunds(payment.Id)).Single();
        Assert.Equal(1, row.Attempts);

        // The sweep does not retry it, and the full amount can be refunded anew.
        await api.Services.GetRequiredService<JobRunner>().RunNowAsync<PaymentSweep>();
        Assert.Equal(1, (await _world.Refunds(payment.Id)).Single(r => r.Id == failed.Id).Attempts);
        var again = await (await Refund(payment.Id, 1000)).ShouldBe<RefundView>(HttpStatusCode.Created);
        Assert.NotEqual(RefundState.Failed, again.State);
        Assert.Equal(1000, (await _world.Row(payment.Id)).RefundedFen);
    }

    [Fact]
    public async Task A_transient_refund_error_is_retried_not_failed()
    {
        var payment = await PaidPayment(600);
        // More failures than the client's own retries, so the refund stays unanswered.
        api.WeChat.Faults.Inject(SimulatorPaths.Refunds, Fault.PaySystemError(), times: 20);
        try
        {
            var refund = await (await Refund(payment.Id, 600)).ShouldBe<RefundView>(HttpStatusCode.Created);
            Assert.Equal(RefundState.Requested, refund.State);
            Assert.Equal(600, (await _world.Row(payment.Id)).RefundedFen);
            Assert.Equal(0, await _world.CountEvents(PaymentEvents.RefundFailed, payment.Id));
        }
        finally
        {
            api.WeChat.Faults.Clear();
        }
    }
}
