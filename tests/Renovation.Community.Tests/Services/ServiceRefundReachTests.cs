using System.Globalization;
using System.Net;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.Tests.Services;

/// <summary>
/// Issue #25 point 2 for paid services: every refund of an order's payment, whatever path made it (staff through
/// <c>/payments</c>, decline), reaches the order before WeChat is asked; a full refund ends an order not yet served; the
/// income views count what refunds give back, from Payments. Races run on MariaDB too.
/// </summary>
public sealed class ServiceRefundReachTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    private async Task<HttpResponseMessage> Refund(Guid paymentId, long amountFen, string user = "property-a", string? overrideReason = null) =>
        await (await api.ClientFor(user)).PostJson($"/api/v1/payments/{paymentId}/refunds",
            new { amountFen, reason = "物业退款", overrideReason });

    private async Task<ServiceIncomeView> Income(ServiceOrderView paid)
    {
        var month = paid.PaidAt!.Value.ToChina().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return await (await (await api.ClientFor("property-a")).GetAsync($"/api/v1/communities/{paid.CommunityId}/service-income?month={month}"))
            .ShouldBe<ServiceIncomeView>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_full_refund_through_payments_ends_the_order_so_it_cannot_be_served_and_the_income_nets_zero()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Paid(item);
        var before = await Income(order);

        await (await Refund(order.PaymentId!.Value, order.AmountFen)).ShouldBe<RefundView>(HttpStatusCode.Created);

        var refunded = await _world.Get(order.Id);
        Assert.Equal((ServiceOrderState.Refunded, RefundStatus.Full, 5000L), (refunded.State, refunded.RefundStatus, refunded.RefundedFen));
        Assert.Equal(0, (await _world.Slot(item.Slots[0].Id)).Held);
        await (await _world.Post(order.Id, "accept", "property-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_awaiting_acceptance");
        await (await _world.Post(order.Id, "start", "property-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_accepted");
        await (await _world.Post(order.Id, "complete", "property-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_in_service");
        await (await _world.Post(order.Id, "confirm", "resident-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_completed");
        Assert.Equal(2, await _world.Events(ServiceEvents.Refunded, order.Id));

        var after = await Income(order);
        // The order's 5000 fen stay paid and are all refunded: the month's net loses exactly them.
        Assert.Equal((0L, 5000L, -5000L), (after.PaidFen - before.PaidFen, after.RefundFen - before.RefundFen, after.NetFen - before.NetFen));
    }

    [Fact]
    public async Task A_full_refund_of_an_accepted_order_ends_it_before_it_is_started()
    {
        var order = await _world.Paid(await _world.NewItem(slotCapacity: null));
        await _world.Move(order.Id, "accept", "property-a");

        await (await Refund(order.PaymentId!.Value, order.AmountFen)).ShouldBe<RefundView>(HttpStatusCode.Created);

        Assert.Equal(ServiceOrderState.Refunded, (await _world.Get(order.Id)).State);
        await (await _world.Post(order.Id, "start", "property-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_accepted");
    }

    [Fact]
    public async Task A_partial_refund_through_payments_leaves_the_order_servable_and_partly_refunded_and_the_income_nets_the_rest()
    {
        var order = await _world.Paid(await _world.NewItem(slotCapacity: null));
        var before = await Income(order);

        await (await Refund(order.PaymentId!.Value, 2000)).ShouldBe<RefundView>(HttpStatusCode.Created);

        var partly = await _world.Get(order.Id);
        Assert.Equal((ServiceOrderState.Paid, RefundStatus.Partial, 2000L), (partly.State, partly.RefundStatus, partly.RefundedFen));
        Assert.Equal(ServiceOrderState.Accepted, (await _world.Move(order.Id, "accept", "property-a")).State);
        var after = await Income(order);
        Assert.Equal((2000L, -2000L), (after.RefundFen - before.RefundFen, after.NetFen - before.NetFen));

        // The rest refunded later makes it a full refund: the accepted order ends.
        await (await Refund(order.PaymentId!.Value, 3000)).ShouldBe<RefundView>(HttpStatusCode.Created);
        Assert.Equal((ServiceOrderState.Refunded, RefundStatus.Full), ((await _world.Get(order.Id)).State, (await _world.Get(order.Id)).RefundStatus));
        Assert.Equal(before.NetFen - 5000, (await Income(order)).NetFen);
    }

    [Fact]
    public async Task A_declined_order_hears_of_its_refund_through_the_same_path_and_the_income_counts_it_once()
    {
        var order = await _world.Paid(await _world.NewItem(slotCapacity: null));
        var before = await Income(order);

        var declined = await _world.Move(order.Id, "decline", "property-a", new { reason = "人手不足" });

        Assert.Equal((ServiceOrderState.Declined, 5000L, RefundStatus.Full), (declined.State, declined.RefundedFen, declined.RefundStatus));
        var after = await Income(order);
        Assert.Equal((5000L, -5000L), (after.RefundFen - before.RefundFen, after.NetFen - before.NetFen));
        // Nothing is left to refund by hand: the purpose's refund and a staff refund draw on the same payment.
        await (await Refund(order.PaymentId!.Value, 1)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "refund_exceeds_paid");
    }

    [Fact]
    public async Task A_refund_WeChat_refuses_for_good_is_taken_off_the_order_and_back_into_the_income()
    {
        var order = await _world.Paid(await _world.NewItem(slotCapacity: null));
        var before = await Income(order);
        api.WeChat.Faults.Inject(SimulatorPaths.Refunds, Fault.PayError(400, "PARAM_ERROR"));

        var failed = await (await Refund(order.PaymentId!.Value, 1500)).ShouldBe<RefundView>(HttpStatusCode.Created);

        Assert.Equal(RefundState.Failed, failed.State);
        var read = await _world.Get(order.Id);
        Assert.Equal((ServiceOrderState.Paid, 0L, RefundStatus.None), (read.State, read.RefundedFen, read.RefundStatus));
        Assert.Equal(before.NetFen, (await Income(order)).NetFen);
    }

    [Fact]
    public async Task Only_owners_money_takes_a_committee_override()
    {
        var order = await _world.Paid(await _world.NewItem(slotCapacity: null));
        await (await Refund(order.PaymentId!.Value, 100, overrideReason: "物业决定"))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "refund_override_not_applicable");
        Assert.Empty(await _world.Refunds(order.Id));
    }

    [Fact]
    public async Task A_dispute_answered_with_a_refund_reaches_the_order_and_the_income()
    {
        var order = await _world.InService(await _world.NewItem(slotCapacity: null));
        await _world.Move(order.Id, "complete", "property-a");
        await (await _world.Post(order.Id, "dispute", "resident-a", new { text = "打扫不干净" })).ShouldBe<ServiceDisputeView>(HttpStatusCode.Created);
        var before = await Income(order);

        var answered = await (await _world.Post(order.Id, "dispute/answer", "property-a", new { text = "抱歉，退还部分费用", refundFen = 2000 }))
            .ShouldBe<ServiceDisputeView>(HttpStatusCode.OK);

        Assert.NotNull(answered.AnsweredAt);
        var read = await _world.Get(order.Id);
        Assert.Equal((ServiceOrderState.Completed, 2000L, RefundStatus.Partial), (read.State, read.RefundedFen, read.RefundStatus));
        var refund = Assert.Single(await _world.Refunds(order.Id));
        Assert.Equal((2000L, OrderLifecycle.DisputeRefundKey), (refund.AmountFen, refund.SubjectKey));
        var after = await Income(order);
        Assert.Equal((2000L, -2000L), (after.RefundFen - before.RefundFen, after.NetFen - before.NetFen));
        // Answered once: a second answer with another refund writes nothing.
        await (await _world.Post(order.Id, "dispute/answer", "property-a", new { text = "再退一些", refundFen = 1000 }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "dispute_already_answered");
        Assert.Single(await _world.Refunds(order.Id));
    }

    [Fact]
    public async Task An_incident_resolved_with_a_refund_reaches_the_order_and_the_income()
    {
        var order = await _world.Paid(await _world.NewItem(slotCapacity: null));
        var payment = Assert.Single(await _world.PaymentsOf(order.Id));
        var incidentId = await api.WithDb(async db =>
        {
            var incident = new PaymentIncident(PaymentIncidentKind.RefundMismatch, payment.OutTradeNo + "R99", payment.Id,
                payment.CommunityId, 5000, 4000, "测试：退款金额与微信不符", null, api.Clock.GetUtcNow());
            db.PaymentIncidents.Add(incident);
            await db.SaveChangesAsync();
            return incident.Id;
        });
        var before = await Income(order);
        var finance = await api.ClientFor("finance");

        var resolved = await (await finance.PostJson($"/api/v1/payments/incidents/{incidentId}/resolve",
            new { note = "核实后全额退还", refundFen = 5000 })).ShouldBe<PaymentIncidentView>(HttpStatusCode.OK);

        Assert.Equal(PaymentIncidentState.Resolved, resolved.State);
        var read = await _world.Get(order.Id);
        Assert.Equal((ServiceOrderState.Refunded, RefundStatus.Full), (read.State, read.RefundStatus));
        await (await _world.Post(order.Id, "accept", "property-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_awaiting_acceptance");
        var after = await Income(order);
        Assert.Equal((5000L, -5000L), (after.RefundFen - before.RefundFen, after.NetFen - before.NetFen));
        await (await finance.PostJson($"/api/v1/payments/incidents/{incidentId}/resolve", new { note = "再退", refundFen = 1 }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "incident_already_resolved");
        Assert.Single(await _world.Refunds(order.Id));
    }

    [Fact]
    public async Task A_full_refund_racing_accepts_never_leaves_a_refunded_order_served()
    {
        for (var round = 0; round < 3; round++)
        {
            var order = await _world.Paid(await _world.NewItem(slotCapacity: null));
            var turn = 0;
            var answers = await Race.Run(6, () => Interlocked.Increment(ref turn) % 2 == 0
                ? Refund(order.PaymentId!.Value, order.AmountFen)
                : _world.Post(order.Id, "accept", "property-a"));

            Assert.All(answers.All, a => Assert.True((int)a.Status < 500, a.ToString()));
            Assert.Equal(1, answers.All.Count(a => a.Status == HttpStatusCode.Created));
            Assert.True(answers.All.Count(a => a.Status == HttpStatusCode.OK) <= 1);
            var read = await _world.Get(order.Id);
            Assert.Equal((ServiceOrderState.Refunded, 5000L), (read.State, read.RefundedFen));
            await (await _world.Post(order.Id, "start", "property-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_accepted");
            Assert.Equal(5000L, (await _world.Refunds(order.Id)).Where(r => r.State != RefundState.Failed).Sum(r => r.AmountFen));
        }
    }

    [Fact]
    public async Task Refunds_racing_on_one_order_never_give_back_more_than_was_paid()
    {
        var order = await _world.Paid(await _world.NewItem(slotCapacity: null));

        var answers = await Race.Run(Race.DefaultRacers, () => Refund(order.PaymentId!.Value, 3000));

        answers.ExactlyOne(HttpStatusCode.Created).OthersAre(HttpStatusCode.UnprocessableEntity, "refund_exceeds_paid");
        var read = await _world.Get(order.Id);
        Assert.Equal((3000L, RefundStatus.Partial, ServiceOrderState.Paid), (read.RefundedFen, read.RefundStatus, read.State));
        Assert.Equal(3000L, (await _world.Refunds(order.Id)).Sum(r => r.AmountFen));
    }
}
