using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>Each move of a service order and each refusal, with refunds through Payments exactly once.</summary>
public sealed class ServiceOrderLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    [Fact]
    public async Task An_order_goes_from_paid_through_service_to_a_rating()
    {
        var item = await _world.NewItem();
        var order = await _world.Paid(item);
        Assert.Equal(ServiceOrderState.Paid, order.State);
        Assert.NotNull(order.PaymentId);

        Assert.Equal(ServiceOrderState.Accepted, (await _world.Move(order.Id, "accept", "property-a")).State);
        Assert.Equal(ServiceOrderState.InService, (await _world.Move(order.Id, "start", "property-a")).State);
        Assert.Equal(ServiceOrderState.Completed, (await _world.Move(order.Id, "complete", "property-a")).State);
        Assert.Equal(ServiceOrderState.Confirmed, (await _world.Move(order.Id, "confirm", "resident-a")).State);
        var rated = await _world.Move(order.Id, "rate", "resident-a", new { stars = 5, comment = "很满意" });
        Assert.Equal(ServiceOrderState.Rated, rated.State);
        Assert.Equal(5, rated.Stars);

        // Every move reached the resident and the company's staff.
        foreach (var kind in new[] { ServiceEvents.Created, ServiceEvents.Paid, ServiceEvents.Accepted, ServiceEvents.Started,
                     ServiceEvents.Completed, ServiceEvents.Confirmed, ServiceEvents.Rated })
            Assert.Equal(2, await _world.Events(kind, order.Id));
        Assert.Empty(await _world.Refunds(order.Id));
    }

    [Fact]
    public async Task The_order_keeps_a_snapshot_of_the_item_as_ordered()
    {
        var item = await _world.NewItem(priceFen: 8000);
        var order = await _world.Order(item, quantity: 2);
        await (await (await api.ClientFor("property-a")).PostJson($"/api/v1/service-items/{item.Id}/withdraw", new { }))
            .ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        var read = await _world.Get(order.Id);
        Assert.Equal(("日常保洁", 8000L, 16000L, "次"), (read.ItemTitle, read.UnitPriceFen, read.AmountFen, read.PriceUnit));
        Assert.Equal(item.Slots[0].StartsAt, read.SlotStartsAt);
    }

    [Fact]
    public async Task Declining_refunds_in_full_exactly_once_and_frees_the_seat()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Paid(item);
        Assert.Equal(1, (await _world.Slot(item.Slots[0].Id)).Held);

        var declined = await _world.Move(order.Id, "decline", "property-a", new { reason = "当天人手不足" });
        Assert.Equal((ServiceOrderState.Declined, 5000L), (declined.State, declined.RefundFen));
        await (await _world.Post(order.Id, "decline", "property-a", new { reason = "再来一次" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "order_not_awaiting_acceptance");
        await (await _world.Post(order.Id, "cancel", "resident-a", new { reason = "也想取消" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "order_not_cancellable");

        var refunds = await _world.WaitForRefunds(order.Id, r => r.Count == 1 && r[0].State == RefundState.Succeeded);
        Assert.Equal(5000, refunds.Single().AmountFen);
        Assert.Equal(0, (await _world.Slot(item.Slots[0].Id)).Held);
    }

    [Fact]
    public async Task Cancelling_before_acceptance_refunds_in_full_exactly_once_even_when_sent_at_once()
    {
        var item = await _world.NewItem();
        var order = await _world.Paid(item);
        var resident = await api.ClientFor("resident-a");

        var answers = await Race.Run(5, () => resident.PostJson($"/api/v1/service-orders/{order.Id}/cancel", new { reason = "临时有事" }));
        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Conflict, "order_not_cancellable");

        var refunds = await _world.WaitForRefunds(order.Id, r => r.Count == 1 && r[0].State == RefundState.Succeeded);
        Assert.Equal(5000, refunds.Single().AmountFen);
        Assert.Equal(0, (await _world.Slot(item.Slots[0].Id)).Held);
        Assert.Equal(1, await _world.Events(ServiceEvents.Cancelled, order.Id) / 2);
    }

    [Theory]
    [InlineData(CancellationPolicy.FullRefund, null, 5000L)]
    [InlineData(CancellationPolicy.PartialRefund, 1500L, 1500L)]
    [InlineData(CancellationPolicy.NoRefund, null, 0L)]
    public async Task Cancelling_after_acceptance_follows_the_items_policy(CancellationPolicy policy, long? partialFen, long refundFen)
    {
        var item = await _world.NewItem(policy: policy, lateCancelRefundFen: partialFen);
        var order = await _world.Paid(item);
        await _world.Move(order.Id, "accept", "property-a");

        var cancelled = await _world.Move(order.Id, "cancel", "resident-a", new { reason = "改期" });
        Assert.Equal(refundFen, cancelled.RefundFen);
        if (refundFen == 0)
            Assert.Empty(await _world.Refunds(order.Id));
        else
            Assert.Equal(refundFen, (await _world.WaitForRefunds(order.Id, r => r.Count == 1)).Single().AmountFen);
    }

    [Fact]
    public async Task An_order_in_service_cannot_be_cancelled()
    {
        var order = await _world.Paid(await _world.NewItem());
        await _world.Move(order.Id, "accept", "property-a");
        await _world.Move(order.Id, "start", "property-a");
        var before = await _world.Row(order.Id);
        var refunds = await api.WithDb(db => db.PaymentRefunds.CountAsync(r => r.PaymentId == before.PaymentId));
        await (await _world.Post(order.Id, "cancel", "resident-a", new { reason = "不要了" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "order_not_cancellable");
        var after = await _world.Row(order.Id);
        Assert.Equal((ServiceOrderState.InService, before.Version), (after.State, after.Version));
        Assert.Equal(refunds, await api.WithDb(db => db.PaymentRefunds.CountAsync(r => r.PaymentId == before.PaymentId)));
    }

    [Fact]
    public async Task Cancelling_an_unpaid_order_frees_its_seat_and_refunds_nothing()
    {
        var item = await _world.NewItem(slotCapacity: 1);
        var order = await _world.Order(item);
        await (await _world.SendOrder(item, "coowner-a")).ShouldBeProblem(HttpStatusCode.Conflict, "slot_full");
        await _world.Move(order.Id, "cancel", "resident-a", new { reason = "下错单" });
        Assert.Equal(0, (await _world.Slot(item.Slots[0].Id)).Held);
        await _world.Order(item, "coowner-a");
        Assert.Empty(await _world.Refunds(order.Id));
    }

    [Fact]
    public async Task Two_staff_accepting_at_once_one_wins()
    {
        var order = await _world.Paid(await _world.NewItem());
        var staff = await api.ClientFor("property-a");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => staff.PostJson($"/api/v1/service-orders/{order.Id}/accept", new { }),
            db => Task.FromResult(db.OutboxEvents.Count(e => e.Kind == ServiceEvents.Accepted && e.PayloadJson.Contains(order.Id.ToString())) / 2),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "order_not_awaiting_acceptance");
    }

    [Fact]
    public async Task A_resident_cannot_rate_someone_elses_order()
    {
        var order = await _world.Paid(await _world.NewItem());
        foreach (var verb in new[] { "accept", "start", "complete" })
            await _world.Move(order.Id, verb, "property-a");
        await _world.Move(order.Id, "confirm", "resident-a");
        // Counted on this order only: other tests' late payment notifications may land meanwhile, and a first sign-in
        // writes a refresh token, so whole-database counts would measure more than these refusals.
        await api.ClientFor("coowner-a");
        var before = await _world.Row(order.Id);
        var orderId = order.Id.ToString();
        var audited = await api.WithDb(db => db.AuditLog.CountAsync(a => a.EntityId == orderId));
        await (await _world.Post(order.Id, "rate", "coowner-a", new { stars = 1, comment = "差评" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "service_order_not_found");
        await (await _world.Post(order.Id, "rate", "property-a", new { stars = 5 }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "service_order_not_found");
        var after = await _world.Row(order.Id);
        Assert.Equal((ServiceOrderState.Confirmed, before.Version, (int?)null), (after.State, after.Version, after.Stars));
        Assert.Equal(audited, await api.WithDb(db => db.AuditLog.CountAsync(a => a.EntityId == orderId)));
    }

    [Fact]
    public async Task Moves_out_of_order_are_refused()
    {
        var order = await _world.Paid(await _world.NewItem());
        await (await _world.Post(order.Id, "start", "property-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_accepted");
        await (await _world.Post(order.Id, "complete", "property-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_in_service");
        await (await _world.Post(order.Id, "confirm", "resident-a")).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_completed");
        await (await _world.Post(order.Id, "rate", "resident-a", new { stars = 4 })).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_ratable");
        await (await _world.Post(order.Id, "dispute", "resident-a", new { text = "还没做" })).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_completed");
        // A resident cannot move an order as staff, and staff of another company cannot see it.
        await (await _world.Post(order.Id, "accept", "resident-a")).ShouldBeProblem(HttpStatusCode.NotFound, "service_order_not_found");
        await (await _world.Post(order.Id, "accept", "property-b")).ShouldBeProblem(HttpStatusCode.NotFound, "service_order_not_found");
    }

    [Fact]
    public async Task A_completed_order_can_be_disputed_once_and_the_company_answers_once()
    {
        var order = await _world.Paid(await _world.NewItem());
        foreach (var verb in new[] { "accept", "start", "complete" })
            await _world.Move(order.Id, verb, "property-a");

        await (await _world.Post(order.Id, "dispute", "resident-a", new { text = "地面没有拖干净" })).ShouldBe<ServiceDisputeView>(HttpStatusCode.Created);
        await (await _world.Post(order.Id, "dispute", "resident-a", new { text = "再投诉一次" })).ShouldBeProblem(HttpStatusCode.Conflict, "dispute_exists");
        await (await _world.Post(order.Id, "dispute/answer", "property-b", new { text = "越权答复" })).ShouldBeProblem(HttpStatusCode.NotFound);
        var answered = await (await _world.Post(order.Id, "dispute/answer", "property-a", new { text = "已安排返工" }))
            .ShouldBe<ServiceDisputeView>(HttpStatusCode.OK);
        Assert.Equal("已安排返工", answered.Answer);
        await (await _world.Post(order.Id, "dispute/answer", "property-a", new { text = "第二次答复" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "dispute_already_answered");

        var demo = await Demo.Of(api);
        var oversight = await (await (await api.ClientFor("committee-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-oversight"))
            .ShouldBe<ServiceOversightView>(HttpStatusCode.OK);
        var company = Assert.Single(oversight.Companies, c => c.CompanyId == demo.CompanyA);
        Assert.True(company.Disputes >= 1);
        Assert.Contains(oversight.RecentDisputes, d => d.OrderId == order.Id && d.Answer == "已安排返工");
    }

    [Fact]
    public async Task Staff_see_orders_by_state_and_day_and_income_per_day()
    {
        var demo = await Demo.Of(api);
        var item = await _world.NewItem();
        var paid = await _world.Paid(item);
        var staff = await api.ClientFor("property-a");
        var slotDay = item.Slots[0].StartsAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var list = await (await staff.GetAsync($"/api/v1/communities/{demo.CommunityA}/service-orders?state=Paid&day={slotDay}"))
            .ShouldBe<Application.Common.Paging.Page<ServiceOrderView>>(HttpStatusCode.OK);
        Assert.Contains(list.Items, o => o.Id == paid.Id);
        Assert.All(list.Items, o => Assert.Equal(ServiceOrderState.Paid, o.State));

        var month = paid.PaidAt!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        var income = await (await staff.GetAsync($"/api/v1/communities/{demo.CommunityA}/service-income?month={month}"))
            .ShouldBe<ServiceIncomeView>(HttpStatusCode.OK);
        Assert.True(income.PaidFen >= 5000);
        Assert.Equal(income.PaidFen - income.RefundFen, income.NetFen);
        Assert.Equal(income.PaidFen, income.Days.Sum(d => d.PaidFen));

        await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-orders"))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
