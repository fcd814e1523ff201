using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Payments;

/// <summary>Finance officers list payment incidents and resolve each once, with a note, enforced by the database.</summary>
public sealed class PaymentIncidentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PaymentsWorld _world = new(api);

    /// <summary>A notification reporting another amount than the order: a WrongAmount incident in community A.</summary>
    private async Task<PaymentIncident> WrongAmountIncident()
    {
        var prepay = await _world.Prepay(await _world.NewSubject(amountFen: 5000));
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { ReportedAmountFen = 1 });
        await _world.WaitForDeliveries(prepay.Payment.OutTradeNo, 1, d => d.Succeeded);
        return Assert.Single(await _world.Incidents(prepay.Payment.Id, prepay.Payment.OutTradeNo));
    }

    private static string Resolve(Guid id) => $"/api/v1/payments/incidents/{id}/resolve";

    [Fact]
    public async Task Finance_officers_list_incidents_filtered_by_kind_state_and_community()
    {
        var incident = await WrongAmountIncident();
        var demo = await Demo.Of(api);
        var finance = await api.ClientFor("finance");

        async Task<Page<PaymentIncidentView>> List(string query) =>
            await (await finance.GetAsync($"/api/v1/payments/incidents?pageSize=100&{query}")).ShouldBe<Page<PaymentIncidentView>>(HttpStatusCode.OK);

        var open = await List($"kind=WrongAmount&state=Open&communityId={demo.CommunityA}");
        var listed = Assert.Single(open.Items, i => i.Id == incident.Id);
        Assert.Equal((PaymentIncidentState.Open, 5000L, 1L), (listed.State, listed.ExpectedFen!.Value, listed.ReportedFen!.Value));
        Assert.All(open.Items, i => Assert.Equal((PaymentIncidentKind.WrongAmount, demo.CommunityA), (i.Kind, i.CommunityId!.Value)));
        Assert.DoesNotContain((await List("kind=UnknownOrder")).Items, i => i.Id == incident.Id);
        Assert.DoesNotContain((await List($"communityId={demo.CommunityB}")).Items, i => i.Id == incident.Id);
        Assert.DoesNotContain((await List("state=Resolved")).Items, i => i.Id == incident.Id);

        var page = await (await finance.GetAsync("/api/v1/payments/incidents?pageSize=1")).ShouldBe<Page<PaymentIncidentView>>(HttpStatusCode.OK);
        Assert.Single(page.Items);
        await (await finance.GetAsync("/api/v1/payments/incidents?pageSize=101")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Resolving_records_who_when_and_the_note_in_the_audit_log_and_a_second_resolution_is_a_conflict()
    {
        var incident = await WrongAmountIncident();
        var finance = await api.ClientFor("finance");

        var resolved = await (await finance.PostJson(Resolve(incident.Id), new { note = "已在商户平台退回 49.99 元" }))
            .ShouldBe<PaymentIncidentView>(HttpStatusCode.OK);

        Assert.Equal((PaymentIncidentState.Resolved, "已在商户平台退回 49.99 元"), (resolved.State, resolved.ResolutionNote));
        Assert.NotNull(resolved.ResolvedBy);
        Assert.NotNull(resolved.ResolvedAt);
        var id = incident.Id.ToString();
        Assert.True(await api.WithDb(db => db.AuditLog.AnyAsync(a => a.EntityType == nameof(PaymentIncident) && a.EntityId == id
                                                                     && a.ActorUserId == resolved.ResolvedBy)));
        await (await finance.PostJson(Resolve(incident.Id), new { note = "再处理一次" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "incident_already_resolved");
        Assert.Equal("已在商户平台退回 49.99 元", (await api.WithDb(db => db.PaymentIncidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id))).ResolutionNote);
        await (await finance.PostJson(Resolve(Guid.NewGuid()), new { note = "无此记录" })).ShouldBeProblem(HttpStatusCode.NotFound, "incident_not_found");
        await (await finance.PostJson(Resolve(incident.Id), new { note = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Concurrent_resolutions_of_one_incident_let_exactly_one_through()
    {
        var incident = await WrongAmountIncident();
        var finance = await api.ClientFor("finance");

        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => finance.PostJson(Resolve(incident.Id), new { note = "并发处理" }),
            db => db.PaymentIncidents.CountAsync(i => i.Id == incident.Id && i.ResolvedAt != null),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "incident_already_resolved");
        var id = incident.Id.ToString();
        Assert.Equal(1, await api.WithDb(db => db.AuditLog.CountAsync(a => a.EntityType == nameof(PaymentIncident) && a.EntityId == id
                                                                          && a.Action == "updated")));
    }

    [Fact]
    public async Task A_city_wide_admin_may_resolve_and_committees_property_staff_and_streets_may_not()
    {
        var incident = await WrongAmountIncident();
        foreach (var user in new[] { "chair-a", "property-a", "street-officer", "resident-a" })
        {
            await (await (await api.ClientFor(user)).GetAsync("/api/v1/payments/incidents")).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await (await api.ClientFor(user)).PostJson(Resolve(incident.Id), new { note = "越权" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        await (await (await api.ClientFor("city-admin")).PostJson(Resolve(incident.Id), new { note = "城市管理员核实" }))
            .ShouldBe<PaymentIncidentView>(HttpStatusCode.OK);
    }
}
