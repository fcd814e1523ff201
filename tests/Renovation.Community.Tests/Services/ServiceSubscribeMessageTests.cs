using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>The API with one subscribe template for the steps of a service order (as in appsettings.Development.json).</summary>
public sealed class ServiceMessagesApiFactory : ApiFactory
{
    public const string TemplateId = "tpl-service-order-status";
    public static readonly string[] Steps = [ServiceEvents.Paid, ServiceEvents.Accepted, ServiceEvents.Started, ServiceEvents.Completed];

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["Jobs:SweepSeconds"] = "3600" };
            foreach (var kind in Steps)
            {
                settings[$"Notifications:Templates:{kind}:TemplateId"] = TemplateId;
                settings[$"Notifications:Templates:{kind}:Page"] = "pages/service/order?id={orderId}";
                settings[$"Notifications:Templates:{kind}:Fields:thing1"] = "{itemTitle}";
                settings[$"Notifications:Templates:{kind}:Fields:thing2"] = "{stateText}";
                settings[$"Notifications:Templates:{kind}:Fields:time3"] = "{at:time}";
            }
            return settings;
        }
    }
}

/// <summary>Each step of an order reaches a consenting resident as one WeChat subscribe message, through the simulator.</summary>
public sealed class ServiceSubscribeMessageTests(ServiceMessagesApiFactory api) : IClassFixture<ServiceMessagesApiFactory>
{
    private const string Template = ServiceMessagesApiFactory.TemplateId;
    private readonly ServicesWorld _world = new(api);

    private async Task Deliver()
    {
        await api.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        await api.Services.GetRequiredService<JobRunner>().RunNowAsync<SubscribeMessageSweep>();
    }

    [Fact]
    public async Task A_consenting_resident_gets_one_message_per_step_and_one_who_did_not_consent_gets_none()
    {
        var consenting = "resident-a";
        var silent = "coowner-a";
        var openId = AuthApi.DevOpenId(consenting);
        var steps = ServiceMessagesApiFactory.Steps.Length;
        var client = await api.ClientFor(consenting);
        for (var i = 0; i < steps; i++)
            await (await client.PostJson("/api/v1/subscriptions", new { templateId = Template, result = "accept" }))
                .ShouldBe<ConsentView>(HttpStatusCode.OK);
        api.WeChat.MiniProgram.Subscribe(openId, Template, steps);

        var item = await _world.NewItem(slotCapacity: 5);
        var order = await _world.InService(item, consenting);
        var other = await _world.InService(item, silent);
        await _world.Move(order.Id, "complete", "property-a");
        await _world.Move(other.Id, "complete", "property-a");
        await Deliver();
        await Deliver();

        var sent = api.WeChat.MiniProgram.SentMessages.Where(m => m.ToOpenId == openId).ToList();
        // One per step (sent in planning order, which ties may shuffle).
        Assert.Equal(new[] { "已支付，待接单", "已接单", "服务中", "服务已完成" }.Order(StringComparer.Ordinal),
            sent.Select(m => m.Data["thing2"]).Order(StringComparer.Ordinal));
        Assert.All(sent, m => Assert.Equal((Template, "日常保洁", $"pages/service/order?id={order.Id}"), (m.TemplateId, m.Data["thing1"], m.Page)));
        Assert.DoesNotContain(api.WeChat.MiniProgram.SentMessages, m => m.ToOpenId == AuthApi.DevOpenId(silent));
        // Staff are told over the real-time backbone only: no subscribe messages for role audiences.
        Assert.DoesNotContain(api.WeChat.MiniProgram.SentMessages, m => m.ToOpenId == AuthApi.DevOpenId("property-a"));
    }
}
