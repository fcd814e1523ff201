using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>
/// A resident reads the answer to their own complaint: on the order, through the order's dispute, in the community's
/// complaints (theirs only) and in the event that tells them it was answered. Nobody else's complaint is visible.
/// </summary>
public sealed class ServiceDisputeReadTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    private async Task<ServiceOrderView> AnsweredComplaint(string answer)
    {
        var order = await _world.Paid(await _world.NewItem());
        foreach (var verb in new[] { "accept", "start", "complete" })
            await _world.Move(order.Id, verb, "property-a");
        await (await _world.Post(order.Id, "dispute", "resident-a", new { text = "地面没有拖干净" })).ShouldBe<ServiceDisputeView>(HttpStatusCode.Created);
        await (await _world.Post(order.Id, "dispute/answer", "property-a", new { text = answer })).ShouldBe<ServiceDisputeView>(HttpStatusCode.OK);
        return order;
    }

    /// <summary>A new mini-program user with an approved binding to the unit (a household member, or a neighbour's flat).</summary>
    private async Task<HttpClient> ResidentOf(Guid unitId)
    {
        var (client, userId) = await api.NewWeChatUser();
        await api.WithDb(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == unitId);
            var binding = new UnitBinding(userId, unit.Id, unit.CommunityId, "同住家人", "0000", unit.CertificateNumber ?? "",
                matchesRegister: true, api.Clock.GetUtcNow());
            binding.Approve(userId, api.Clock.GetUtcNow());
            db.UnitBindings.Add(binding);
            await db.SaveChangesAsync();
        });
        return client;
    }

    [Fact]
    public async Task A_resident_reads_the_answer_to_their_complaint_on_the_order_and_its_dispute()
    {
        var order = await AnsweredComplaint("已安排明早返工");
        var resident = await api.ClientFor("resident-a");

        var view = await _world.Get(order.Id);
        Assert.NotNull(view.Dispute);
        Assert.Equal(("地面没有拖干净", "已安排明早返工", true), (view.Dispute!.Text, view.Dispute.Answer, view.Dispute.Answered));

        var dispute = await (await resident.GetAsync($"/api/v1/service-orders/{order.Id}/dispute")).ShouldBe<ServiceDisputeView>(HttpStatusCode.OK);
        Assert.Equal("已安排明早返工", dispute.Answer);

        var mine = await (await resident.GetAsync("/api/v1/service-orders/mine")).ShouldBe<Application.Common.Paging.Page<ServiceOrderView>>(HttpStatusCode.OK);
        Assert.Equal("已安排明早返工", Assert.Single(mine.Items, o => o.Id == order.Id).Dispute?.Answer);
    }

    [Fact]
    public async Task A_resident_lists_the_complaints_of_their_units_and_no_one_elses()
    {
        var order = await AnsweredComplaint("已退还部分费用");
        var demo = await Demo.Of(api);

        var mine = await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-disputes"))
            .ShouldBe<List<ServiceDisputeView>>(HttpStatusCode.OK);
        Assert.Equal("已退还部分费用", Assert.Single(mine, d => d.OrderId == order.Id).Answer);

        // A neighbour in the same community sees none of it, and reading the order's complaint is "not found".
        var otherUnit = await api.WithDb(db => db.Units.Where(u => u.CommunityId == demo.CommunityA && u.Id != order.UnitId)
            .OrderBy(u => u.Number).Select(u => u.Id).FirstAsync());
        var neighbour = await ResidentOf(otherUnit);
        var theirs = await (await neighbour.GetAsync($"/api/v1/communities/{demo.CommunityA}/service-disputes"))
            .ShouldBe<List<ServiceDisputeView>>(HttpStatusCode.OK);
        Assert.DoesNotContain(theirs, d => d.OrderId == order.Id);
        await (await neighbour.GetAsync($"/api/v1/service-orders/{order.Id}/dispute")).ShouldBeProblem(HttpStatusCode.NotFound, "service_order_not_found");
        await (await neighbour.GetAsync($"/api/v1/service-orders/{order.Id}")).ShouldBeProblem(HttpStatusCode.NotFound, "service_order_not_found");
        // So is everyone outside the community.
        await (await (await api.ClientFor("resident-b")).GetAsync($"/api/v1/service-orders/{order.Id}/dispute"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "service_order_not_found");
    }

    [Fact]
    public async Task Whoever_acts_for_the_orders_unit_reads_its_complaint_and_answer()
    {
        var order = await AnsweredComplaint("已更换保洁员");
        var household = await ResidentOf(order.UnitId);

        var dispute = await (await household.GetAsync($"/api/v1/service-orders/{order.Id}/dispute")).ShouldBe<ServiceDisputeView>(HttpStatusCode.OK);
        Assert.Equal("已更换保洁员", dispute.Answer);
        var view = await (await household.GetAsync($"/api/v1/service-orders/{order.Id}")).ShouldBe<ServiceOrderView>(HttpStatusCode.OK);
        Assert.Equal("已更换保洁员", view.Dispute?.Answer);
    }

    [Fact]
    public async Task An_order_without_a_complaint_answers_dispute_not_found()
    {
        var order = await _world.Paid(await _world.NewItem());
        await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/service-orders/{order.Id}/dispute"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "dispute_not_found");
        Assert.Null((await _world.Get(order.Id)).Dispute);
    }

    [Fact]
    public async Task The_answered_event_carries_the_answer()
    {
        var order = await AnsweredComplaint("明天上午九点返工");
        var id = order.Id.ToString();
        var payloads = await api.WithDb(db => db.OutboxEvents.AsNoTracking()
            .Where(e => e.Kind == ServiceEvents.DisputeAnswered && e.PayloadJson.Contains(id)).Select(e => e.PayloadJson).ToListAsync());
        Assert.Equal(2, payloads.Count);   // the resident and the company's staff
        Assert.All(payloads, p => Assert.Equal("明天上午九点返工", JsonDocument.Parse(p).RootElement.GetProperty("answer").GetString()));
    }
}
