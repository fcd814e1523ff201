using System.Net.Http.Headers;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Notices;

public sealed class NoticesTests(NoticesApiFactory api) : IClassFixture<NoticesApiFactory>
{
    private readonly NoticesWorld _world = new(api);

    private Task Sweep() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<NoticeSweep>();

    private static async Task<Page<NoticeView>> Feed(HttpClient client, string query = "") =>
        await (await client.GetAsync("/api/v1/notices" + query)).ShouldBe<Page<NoticeView>>(HttpStatusCode.OK);

    [Fact]
    public async Task A_building_notice_reaches_that_building_live_and_not_the_next_building()
    {
        var c = await _world.Community();
        var (one, inboxOne) = await NoticesWorld.Connect(api.ServerAddress, c.InOne.Token);
        var (two, inboxTwo) = await NoticesWorld.Connect(api.ServerAddress, c.InTwo.Token);

        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Building, c.BuildingOne, "1幢电梯检修");
        Assert.Equal(NoticeState.Published, notice.State);
        var live = await NoticesWorld.Next(inboxOne, NoticeEvents.Published, notice.Id);
        Assert.Equal($"building:{c.BuildingOne}", live.Audience);
        Assert.Equal("1幢电梯检修", live.Payload.GetProperty("title").GetString());

        await Task.Delay(500);
        // Other tests' street-wide notices may reach building 2; this building notice must not.
        while (inboxTwo.Reader.TryRead(out var heard))
            Assert.False(heard.Kind.StartsWith("notice.", StringComparison.Ordinal)
                && heard.Payload.TryGetProperty("noticeId", out var id) && id.GetGuid() == notice.Id,
                "building 2 must not hear building 1's notice");
        Assert.Contains((await Feed(c.InOne.Client)).Items, n => n.Id == notice.Id);
        Assert.DoesNotContain((await Feed(c.InTwo.Client)).Items, n => n.Id == notice.Id);
        await (await c.InTwo.Client.GetAsync($"/api/v1/notices/{notice.Id}")).ShouldBeProblem(HttpStatusCode.NotFound, "notice_not_found");
        await one.DisposeAsync();
        await two.DisposeAsync();
    }

    [Fact]
    public async Task Community_and_street_notices_reach_every_building_pinned_first_and_paged()
    {
        var c = await _world.Community();
        var officer = await api.ClientFor("street-officer");
        var first = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "第一条");
        var pinned = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "置顶", pinned: true);
        var street = await _world.Publish(officer, NoticeTargetKind.Street, c.StreetId, "街道通知");

        var page = await Feed(c.InTwo.Client, "?page=1&pageSize=2");
        Assert.True(page.Total >= 3);
        Assert.Equal(pinned.Id, page.Items[0].Id);
        var all = await Feed(c.InTwo.Client, "?pageSize=100");
        var mine = all.Items.Where(n => n.Id == first.Id || n.Id == street.Id || n.Id == pinned.Id).Select(n => n.Id).ToList();
        Assert.Equal([pinned.Id, street.Id, first.Id], mine);
        await (await c.InTwo.Client.GetAsync("/api/v1/notices?pageSize=101")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_scheduled_notice_is_published_once_when_due_and_expires_by_the_sweep()
    {
        var c = await _world.Community();
        var now = api.Clock.GetUtcNow();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "定时通知",
            publishAt: now.AddHours(1), expiresAt: now.AddHours(3), emergency: true);
        Assert.Equal(NoticeState.Scheduled, notice.State);
        Assert.DoesNotContain((await Feed(c.InOne.Client)).Items, n => n.Id == notice.Id);
        await (await c.InOne.Client.GetAsync($"/api/v1/notices/{notice.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);

        await Sweep();
        Assert.Equal([NoticeEvents.Scheduled], await _world.EventKinds(notice.Id));

        api.Clock.Advance(TimeSpan.FromMinutes(61));
        await Sweep();
        await Sweep();
        Assert.Contains((await Feed(c.InOne.Client)).Items, n => n.Id == notice.Id && n.State == NoticeState.Published);
        Assert.Equal([NoticeEvents.Scheduled, NoticeEvents.Published], await _world.EventKinds(notice.Id));

        api.Clock.Advance(TimeSpan.FromHours(2));
        // Past its expiry a notice leaves the feed at once, before the sweep marks it.
        Assert.DoesNotContain((await Feed(c.InOne.Client)).Items, n => n.Id == notice.Id);
        await Sweep();
        var seen = await (await c.Committee.GetAsync($"/api/v1/notices/{notice.Id}")).ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Equal(NoticeState.Expired, seen.State);
        Assert.Equal([NoticeEvents.Scheduled, NoticeEvents.Published, NoticeEvents.Expired], await _world.EventKinds(notice.Id));
    }

    [Fact]
    public async Task A_scheduled_notice_withdrawn_before_its_time_is_never_published_and_residents_never_hear_of_it()
    {
        var c = await _world.Community();
        var now = api.Clock.GetUtcNow();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "取消的通知", publishAt: now.AddHours(1));
        var moved = await (await c.Committee.PutJson($"/api/v1/notices/{notice.Id}", new
        {
            title = "改期的通知", body = "正文", pinned = false, publishAt = now.AddHours(2),
        })).ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Equal(Renovation.Community.Application.Common.Time.Timestamps.Truncate(now.AddHours(2)), moved.PublishAt); // the API keeps milliseconds
        await c.Committee.PostJson($"/api/v1/notices/{notice.Id}/withdraw", new { reason = "活动取消" });
        api.Clock.Advance(TimeSpan.FromHours(3));
        await Sweep();
        Assert.Equal([NoticeEvents.Scheduled, NoticeEvents.Scheduled, NoticeEvents.Withdrawn], await _world.EventKinds(notice.Id));
        Assert.All(await api.WithDb(db => db.OutboxEvents.Where(e => e.PayloadJson.Contains(notice.Id.ToString())).Select(e => e.Audience).ToListAsync()),
            audience => Assert.StartsWith("user:", audience, StringComparison.Ordinal));
        Assert.DoesNotContain((await Feed(c.InOne.Client)).Items, n => n.Id == notice.Id);
    }

    [Fact]
    public async Task An_emergency_notice_cannot_lose_its_expiry_on_edit()
    {
        var c = await _world.Community();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Building, c.BuildingOne, "燃气抢修", emergency: true,
            expiresAt: api.Clock.GetUtcNow().AddHours(4));
        var before = await RowCounts.Settled(api);
        await (await c.Committee.PutJson($"/api/v1/notices/{notice.Id}", new { title = "燃气抢修", body = "正文", pinned = true }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "emergency_needs_expiry");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Editing_keeps_the_previous_wording_and_withdrawal_takes_the_notice_away()
    {
        var c = await _world.Community();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "原标题");
        var edited = await (await c.Committee.PutJson($"/api/v1/notices/{notice.Id}", new { title = "新标题", body = "新正文", pinned = true }))
            .ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Equal(2, edited.Revision);
        var revisions = await (await c.Committee.GetAsync($"/api/v1/notices/{notice.Id}/revisions"))
            .ShouldBe<List<NoticeRevisionView>>(HttpStatusCode.OK);
        Assert.Equal("原标题", Assert.Single(revisions).Title);

        var withdrawn = await (await c.Committee.PostJson($"/api/v1/notices/{notice.Id}/withdraw", new { reason = "内容有误" }))
            .ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Equal(NoticeState.Withdrawn, withdrawn.State);
        Assert.DoesNotContain((await Feed(c.InOne.Client)).Items, n => n.Id == notice.Id);
        await (await c.InOne.Client.GetAsync($"/api/v1/notices/{notice.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await c.Committee.PutJson($"/api/v1/notices/{notice.Id}", new { title = "再改", body = "再改", pinned = false }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_ended");
        Assert.Equal([NoticeEvents.Published, NoticeEvents.Updated, NoticeEvents.Withdrawn], await _world.EventKinds(notice.Id));
    }

    [Fact]
    public async Task Read_receipts_are_idempotent_and_publishers_see_targeted_delivered_and_read()
    {
        var c = await _world.Community();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await c.InOne.Client.PostAsync($"/api/v1/notices/{notice.Id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.InOne.Client.PostAsync($"/api/v1/notices/{notice.Id}/read", null)).StatusCode);
        Assert.True((await Feed(c.InOne.Client)).Items.Single(n => n.Id == notice.Id).Read);

        var stats = await (await c.Committee.GetAsync($"/api/v1/notices/{notice.Id}/stats")).ShouldBe<NoticeStats>(HttpStatusCode.OK);
        Assert.Equal(2, stats.Targeted);
        Assert.Equal(1, stats.Read);
        Assert.Equal(1, stats.Delivered);
        await (await c.InOne.Client.GetAsync($"/api/v1/notices/{notice.Id}/stats")).ShouldBeProblem(HttpStatusCode.Forbidden);
        var outsider = await api.ClientFor("committee-b");
        await (await outsider.GetAsync($"/api/v1/notices/{notice.Id}/stats")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await outsider.PostAsync($"/api/v1/notices/{notice.Id}/read", null)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_that_was_away_catches_up_on_notices_through_events_after()
    {
        var c = await _world.Community();
        var (connection, inbox) = await NoticesWorld.Connect(api.ServerAddress, c.InOne.Token);
        var first = await _world.Publish(c.Committee, NoticeTargetKind.Building, c.BuildingOne, "第一条");
        var live = await NoticesWorld.Next(inbox, NoticeEvents.Published, first.Id);
        await connection.DisposeAsync();

        var second = await _world.Publish(c.Committee, NoticeTargetKind.Building, c.BuildingOne, "第二条");
        await c.Committee.PostJson($"/api/v1/notices/{first.Id}/withdraw", new { reason = "已过时" });

        var deadline = DateTime.UtcNow + NoticesWorld.Wait;
        EventBatch batch;
        do
        {
            batch = await (await c.InOne.Client.GetAsync($"/api/v1/events?after={live.Sequence}")).ShouldBe<EventBatch>(HttpStatusCode.OK);
            if (batch.Events.Count(e => e.Kind.StartsWith("notice.", StringComparison.Ordinal)) >= 2)
                break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        var missed = batch.Events.Where(e => e.Kind.StartsWith("notice.", StringComparison.Ordinal)).ToList();
        Assert.Equal([NoticeEvents.Published, NoticeEvents.Withdrawn], missed.Select(e => e.Kind));
        Assert.Equal(second.Id, missed[0].Payload.GetProperty("noticeId").GetGuid());
        Assert.Equal(first.Id, missed[1].Payload.GetProperty("noticeId").GetGuid());
    }

    [Fact]
    public async Task Attachments_are_typed_by_their_bytes_and_readable_by_recipients()
    {
        var c = await _world.Community();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id);
        var pdf = "%PDF-1.4\n%test\n"u8.ToArray();
        var uploaded = await (await c.Committee.PostAsync($"/api/v1/notices/{notice.Id}/attachments", Multipart(pdf, "停水说明.txt")))
            .ShouldBe<NoticeAttachmentView>(HttpStatusCode.Created);
        Assert.Equal("application/pdf", uploaded.ContentType);
        Assert.Equal("停水说明.pdf", uploaded.FileName);
        var download = await c.InTwo.Client.GetAsync($"/api/v1/notices/{notice.Id}/attachments/{uploaded.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var before = await RowCounts.Settled(api);
        await (await c.Committee.PostAsync($"/api/v1/notices/{notice.Id}/attachments", Multipart("hello"u8.ToArray(), "a.pdf")))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "attachment_type_not_allowed");
        await (await c.InOne.Client.PostAsync($"/api/v1/notices/{notice.Id}/attachments", Multipart(pdf, "x.pdf")))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    private static MultipartFormDataContent Multipart(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    public static TheoryData<string, string> BadNotices() => new()
    {
        { """{"targetKind":"Community","targetId":"{c}","title":"","body":"正文"}""", "title" },
        { """{"targetKind":"Community","targetId":"{c}","title":"标题","body":""}""", "body" },
        { """{"targetKind":"Community","targetId":"{c}","title":"%LONG%","body":"正文"}""", "title" },
        { """{"targetKind":"Community","targetId":"{c}","title":"紧急","body":"正文","emergency":true}""", "expiresAt" },
        { """{"targetKind":"Community","targetId":"{c}","title":"标题","body":"正文","publishAt":"2030-01-02T00:00:00Z","expiresAt":"2030-01-01T00:00:00Z"}""", "expiresAt" },
        { """{"targetKind":"Community","targetId":"00000000-0000-0000-0000-000000000000","title":"标题","body":"正文"}""", "targetId" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task Bad_notices_are_400_with_the_field_and_nothing_is_written(string json, string field)
    {
        var c = await _world.Community();
        var before = await RowCounts.Settled(api);
        var body = json.Replace("{c}", c.Id.ToString()).Replace("%LONG%", new string('长', 101));
        var problem = await (await c.Committee.PostAsync("/api/v1/notices", new StringContent(body, Encoding.UTF8, "application/json")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Expiry_in_the_past_and_unknown_target_kind_are_refused_and_nothing_is_written()
    {
        var c = await _world.Community();
        var before = await RowCounts.Settled(api);
        await (await c.Committee.PostJson("/api/v1/notices", new
        {
            targetKind = "Community", targetId = c.Id, title = "标题", body = "正文", expiresAt = api.Clock.GetUtcNow().AddMinutes(-1),
        })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "expiry_before_publication");
        await (await c.Committee.PostAsync("/api/v1/notices", new StringContent(
            $$"""{"targetKind":"Planet","targetId":"{{c.Id}}","title":"标题","body":"正文"}""", Encoding.UTF8, "application/json")))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("resident-a", "Community", 403)]
    [InlineData("committee-b", "Community", 404)]
    [InlineData("committee-a", "Street", 403)]
    [InlineData("property-b", "Street", 403)]
    [InlineData("resident-b", "Building", 404)]
    [InlineData("property-a", "Community", 201)]
    [InlineData("chair-a", "Community", 201)]
    [InlineData("street-officer", "Street", 201)]
    [InlineData("street-officer", "Community", 201)]
    public async Task Only_publishers_within_their_scope_may_publish(string user, string kind, int expected)
    {
        var demo = await Demo.Of(api);
        var client = await api.ClientFor(user);
        var targetId = kind switch
        {
            "Street" => demo.StreetId,
            "Building" => await api.WithDb(db => db.Buildings.Where(b => b.CommunityId == demo.CommunityA).Select(b => b.Id).FirstAsync()),
            _ => demo.CommunityA,
        };
        var before = await RowCounts.Settled(api);
        var response = await client.PostJson("/api/v1/notices", new { targetKind = kind, targetId, title = "权限测试", body = "正文" });
        if (expected == 201)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return;
        }
        await response.ShouldBeProblem((HttpStatusCode)expected);
        Assert.Equal(before, await RowCounts.Of(api));
    }
}
