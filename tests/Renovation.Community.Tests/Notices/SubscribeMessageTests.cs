using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.MiniProgram;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.Tests.Notices;

public sealed class SubscribeMessageTests(NoticesApiFactory api) : IClassFixture<NoticesApiFactory>
{
    private const string Template = NoticesApiFactory.TemplateId;
    private readonly NoticesWorld _world = new(api);

    /// <summary>Lets the dispatcher number the events first: the planner reads dispatched events only.</summary>
    private async Task Deliver()
    {
        await api.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        await api.Services.GetRequiredService<JobRunner>().RunNowAsync<SubscribeMessageSweep>();
    }

    private static async Task<ConsentView> Consent(Resident r, string result, string template = Template) =>
        await (await r.Client.PostJson("/api/v1/subscriptions", new { templateId = template, result }))
            .ShouldBe<ConsentView>(HttpStatusCode.OK);

    private IReadOnlyList<SentSubscribeMessage> SentTo(Resident r) =>
        api.WeChat.MiniProgram.SentMessages.Where(m => m.ToOpenId == r.OpenId).ToList();

    private Task<SubscribeDelivery> DeliveryOf(Resident r, Guid noticeId) =>
        api.WithDb(db => db.SubscribeDeliveries.AsNoTracking().SingleAsync(d => d.UserId == r.UserId && d.SubjectId == noticeId));

    [Fact]
    public async Task One_time_consents_are_counted_used_up_on_send_and_a_message_is_never_sent_twice()
    {
        var c = await _world.Community();
        Assert.Equal(1, (await Consent(c.InOne, "accept")).Remaining);
        Assert.Equal(2, (await Consent(c.InOne, "accept")).Remaining);
        Assert.Equal(2, (await Consent(c.InOne, "reject")).Remaining);
        api.WeChat.MiniProgram.Subscribe(c.InOne.OpenId, Template, 2);

        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "关于二次供水水箱清洗及小区东门临时封闭的通知");
        await Deliver();
        await Deliver();

        var sent = Assert.Single(SentTo(c.InOne));
        Assert.Equal(Template, sent.TemplateId);
        Assert.Equal(20, sent.Data["thing1"].EnumerateRunes().Count());
        Assert.EndsWith("…", sent.Data["thing1"], StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$", sent.Data["time2"]);
        Assert.Equal($"pages/notice/detail?id={notice.Id}", sent.Page);
        Assert.Empty(SentTo(c.InTwo));
        var mine = await (await c.InOne.Client.GetAsync("/api/v1/subscriptions")).ShouldBe<List<ConsentView>>(HttpStatusCode.OK);
        Assert.Equal(1, Assert.Single(mine).Remaining);
        Assert.Equal(DeliveryState.Sent, (await DeliveryOf(c.InOne, notice.Id)).State);

        var stats = await (await c.Committee.GetAsync($"/api/v1/notices/{notice.Id}/stats")).ShouldBe<NoticeStats>(HttpStatusCode.OK);
        Assert.Equal(1, stats.SubscribeMessagesSent);
        Assert.Equal(1, stats.Delivered);
        Assert.Equal(0, stats.Read);
    }

    [Fact]
    public async Task WeChat_43101_is_recorded_as_no_consent_and_not_retried()
    {
        var c = await _world.Community();
        await Consent(c.InOne, "accept");
        // Our record says yes, WeChat says the user never subscribed (e.g. consent given on another device and used there).
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Building, c.BuildingOne);
        await Deliver();
        var delivery = await DeliveryOf(c.InOne, notice.Id);
        Assert.Equal(DeliveryState.NoConsent, delivery.State);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(0, (await Consent(c.InOne, "reject")).Remaining);
        Assert.Empty(SentTo(c.InOne));
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff_and_the_consent_is_kept_until_sent()
    {
        var c = await _world.Community();
        await Consent(c.InTwo, "accept");
        api.WeChat.MiniProgram.Subscribe(c.InTwo.OpenId, Template);
        api.WeChat.Faults.Inject(SimulatorPaths.SubscribeSend, Fault.WeChatError(-1), times: 1);

        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Building, c.BuildingTwo);
        await Deliver();
        var waiting = await DeliveryOf(c.InTwo, notice.Id);
        Assert.Equal(DeliveryState.Pending, waiting.State);
        Assert.Equal(1, waiting.Attempts);
        Assert.True(waiting.NextAttemptAt > api.Clock.GetUtcNow().AddSeconds(50));
        Assert.Equal(1, (await Consent(c.InTwo, "reject")).Remaining);

        await Deliver(); // not due yet
        Assert.Equal(1, (await DeliveryOf(c.InTwo, notice.Id)).Attempts);

        api.Clock.Advance(TimeSpan.FromSeconds(61));
        await Deliver();
        var done = await DeliveryOf(c.InTwo, notice.Id);
        Assert.Equal(DeliveryState.Sent, done.State);
        Assert.Equal(2, done.Attempts);
        Assert.Single(SentTo(c.InTwo));
        Assert.Equal(0, (await Consent(c.InTwo, "reject")).Remaining);
    }

    [Fact]
    public async Task A_ban_stops_messages_until_the_resident_accepts_again()
    {
        var c = await _world.Community();
        await Consent(c.InOne, "accept");
        var banned = await Consent(c.InOne, "ban");
        Assert.True(banned.Banned);
        Assert.Equal(0, banned.Remaining);
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Building, c.BuildingOne);
        await Deliver();
        Assert.False(await api.WithDb(db => db.SubscribeDeliveries.AnyAsync(d => d.SubjectId == notice.Id)));
        var again = await Consent(c.InOne, "accept");
        Assert.False(again.Banned);
        Assert.Equal(1, again.Remaining);
    }

    [Theory]
    [InlineData("""{"templateId":"tpl-notice-published","result":"maybe"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":"","result":"accept"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":"some-other-template","result":"accept"}""", HttpStatusCode.UnprocessableEntity)]
    public async Task Bad_consents_are_refused_and_nothing_is_written(string json, HttpStatusCode status)
    {
        var resident = await _world.NewUser();
        var before = await RowCounts.Settled(api);
        await (await resident.Client.PostAsync("/api/v1/subscriptions", new StringContent(json, System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblem(status);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task The_mini_program_can_ask_which_templates_to_request()
    {
        var resident = await _world.NewUser();
        var templates = await (await resident.Client.GetAsync("/api/v1/subscriptions/templates"))
            .ShouldBe<List<SubscribeTemplateView>>(HttpStatusCode.OK);
        Assert.Contains(templates, t => t.EventKind == NoticeEvents.Published && t.TemplateId == Template);
    }
}
