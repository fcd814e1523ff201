using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Notices;

/// <summary>The API as Development runs it: the simulator learns each consent from the backend's consent endpoint.</summary>
public sealed class LearningSimulatorApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Jobs:SweepSeconds"] = "3600",
        [SimulatorConsentRelay.Setting] = "true",
        [$"Notifications:Templates:{NoticeEvents.Published}:TemplateId"] = NoticesApiFactory.TemplateId,
        [$"Notifications:Templates:{NoticeEvents.Published}:Fields:thing1"] = "{title}",
        [$"Notifications:Templates:{NoticeEvents.Published}:Fields:thing3"] = "{targetName}",
    };
}

/// <summary>
/// Development's simulator has no WeChat client to run <c>wx.requestSubscribeMessage</c>, so the consent endpoint tells
/// it (over HTTP, to the real simulator server): a resident who consents through the API then receives the message.
/// </summary>
public sealed class SimulatorConsentTests(LearningSimulatorApiFactory api) : IClassFixture<LearningSimulatorApiFactory>
{
    private const string Template = NoticesApiFactory.TemplateId;
    private readonly NoticesWorld _world = new(api);

    private async Task Deliver()
    {
        await api.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        await api.Services.GetRequiredService<JobRunner>().RunNowAsync<SubscribeMessageSweep>();
    }

    private static async Task Consent(Resident r, string result) =>
        await (await r.Client.PostJson("/api/v1/subscriptions", new { templateId = Template, result })).ShouldBe<ConsentView>(HttpStatusCode.OK);

    [Fact]
    public async Task A_consent_given_through_the_API_lets_the_simulator_deliver_the_next_message()
    {
        var c = await _world.Community();
        await Consent(c.InOne, "accept");
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id);
        await Deliver();

        var sent = Assert.Single(api.WeChat.MiniProgram.SentMessages, m => m.ToOpenId == c.InOne.OpenId);
        Assert.Equal(Template, sent.TemplateId);
        var delivery = await api.WithDb(db => db.SubscribeDeliveries.AsNoTracking().SingleAsync(d => d.UserId == c.InOne.UserId && d.SubjectId == notice.Id));
        Assert.Equal(DeliveryState.Sent, delivery.State);
        // The one-time consent is used up on both sides: the next notice is not sent.
        await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "第二条通知");
        await Deliver();
        Assert.Single(api.WeChat.MiniProgram.SentMessages, m => m.ToOpenId == c.InOne.OpenId);
        Assert.DoesNotContain(api.WeChat.MiniProgram.SentMessages, m => m.ToOpenId == c.InTwo.OpenId);
    }

    [Fact]
    public async Task A_ban_given_through_the_API_stops_the_simulator_too()
    {
        var c = await _world.Community();
        await Consent(c.InOne, "accept");
        await Consent(c.InOne, "ban");
        // Our record says banned, so nothing is planned; the simulator (WeChat) holds no consent either.
        await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id);
        await Deliver();
        Assert.DoesNotContain(api.WeChat.MiniProgram.SentMessages, m => m.ToOpenId == c.InOne.OpenId);
        Assert.False(api.WeChat.MiniProgram.HasSubscription(c.InOne.OpenId, Template));
    }
}
