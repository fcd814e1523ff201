using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Meetings;

/// <summary>Minutes and decisions are published within 3 days; the sweep reminds the chair on day 2 and tells the street on day 4.</summary>
public sealed class MinutesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly MeetingsWorld _world = new(api);

    private async Task<(Committee Committee, CommitteeMeetingView Meeting, TestCommunity Owners)> ClosedMeeting(string itemWord)
    {
        var owners = await new VotingWorld(api).Community(PartySpec.Owner(9000));
        var c = await _world.Committee(3, owners.Id);
        var meeting = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/committee-meetings", new
        {
            title = "季度例会", startsAt = api.Clock.GetUtcNow().AddDays(9), place = "活动室", onlineLink = (string?)null,
            observerCapacity = 0, callId = (Guid?)null,
            items = new object[] { new { title = $"关于{itemWord}的决定", description = "更换单元门禁", @public = true }, new { title = "内部事务", description = "", @public = false } },
        })).ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);
        _world.Start(meeting);
        foreach (var m in c.Members)
            await _world.Attend(m, meeting.Id, m);
        foreach (var item in meeting.Items)
        {
            foreach (var m in c.Members.Take(2))
                await MeetingsWorld.State(m, item.Id, m, Stance.For);
            Assert.Equal(HttpStatusCode.OK, (await MeetingsWorld.Decide(c.Chair, item.Id)).StatusCode);
        }
        var closed = await (await c.Chair.Client.PostAsync($"/api/v1/committee-meetings/{meeting.Id}/close", null))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        Assert.Equal(closed.ClosedAt!.Value.AddDays(3), closed.MinutesDueBy);
        return (c, closed, owners);
    }

    private Task<List<(string Kind, string Audience)>> AlertEvents(Guid meetingId) => api.WithDb(async db =>
        (await db.OutboxEvents.Where(e => e.Kind.StartsWith("meetings.minutes_") && e.PayloadJson.Contains(meetingId.ToString()))
            .Select(e => new { e.Kind, e.Audience }).ToListAsync()).Select(e => (e.Kind, e.Audience)).ToList());

    [Fact]
    public async Task The_sweep_reminds_the_chair_on_day_2_and_tells_the_street_on_day_4_when_minutes_are_not_published()
    {
        var (c, meeting, _) = await ClosedMeeting("门禁");
        var demo = await Demo.Of(api);
        api.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5));
        await _world.Sweep();
        Assert.Empty(await AlertEvents(meeting.Id));

        api.Clock.Advance(TimeSpan.FromMinutes(10));
        await _world.Sweep();
        await _world.Sweep();
        Assert.Equal([("meetings.minutes_due", $"role:CommitteeChair:{c.CommunityId}")], await AlertEvents(meeting.Id));

        api.Clock.Advance(TimeSpan.FromDays(2));
        await _world.Sweep();
        var events = await AlertEvents(meeting.Id);
        Assert.Contains(("meetings.minutes_overdue", $"role:StreetOfficer:{demo.StreetId}"), events);
        Assert.Equal(3, events.Count);
        var alerts = await (await (await api.ClientFor("street-officer")).GetAsync($"/api/v1/communities/{c.CommunityId}/meeting-alerts"))
            .ShouldBe<Page<MeetingAlertView>>(HttpStatusCode.OK);
        Assert.Equal(["minutes_due", "minutes_overdue"], alerts.Items.Select(a => a.Kind).Order().ToList());
    }

    [Fact]
    public async Task Minutes_published_within_3_days_go_to_owners_as_a_notice_and_raise_no_alert()
    {
        var (c, meeting, owners) = await ClosedMeeting("电梯");
        api.Clock.Advance(TimeSpan.FromDays(1));
        var published = await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/minutes",
            new { minutes = "会议由主任主持，三名委员出席，讨论了电梯议题。" })).ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        Assert.NotNull(published.MinutesPublishedAt);
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/minutes", new { minutes = "再发一次" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "minutes_already_published");

        var notice = await (await owners.Parties[0].Voter.Client.GetAsync($"/api/v1/notices/{published.MinutesNoticeId}"))
            .ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Contains("关于电梯的决定：通过", notice.Body);
        Assert.DoesNotContain("内部事务", notice.Body);
        api.Clock.Advance(TimeSpan.FromDays(5));
        await _world.Sweep();
        Assert.Empty(await AlertEvents(meeting.Id));
    }

    [Fact]
    public async Task Resolutions_are_searchable_per_community_and_owners_see_only_published_public_ones()
    {
        var (c, meeting, owners) = await ClosedMeeting("停车位");
        var owner = owners.Parties[0].Voter.Client;
        var url = $"/api/v1/communities/{c.CommunityId}/resolutions";
        var forChair = await (await c.Chair.Client.GetAsync(url + "?q=停车位")).ShouldBe<Page<ResolutionView>>(HttpStatusCode.OK);
        var found = Assert.Single(forChair.Items);
        Assert.Equal(meeting.Id, found.MeetingId);
        Assert.Empty((await (await c.Chair.Client.GetAsync(url + "?q=游泳池")).ShouldBe<Page<ResolutionView>>(HttpStatusCode.OK)).Items);
        Assert.Equal(2, (await (await c.Chair.Client.GetAsync(url)).ShouldBe<Page<ResolutionView>>(HttpStatusCode.OK)).Total);
        Assert.Equal(0, (await (await owner.GetAsync(url)).ShouldBe<Page<ResolutionView>>(HttpStatusCode.OK)).Total);

        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/minutes", new { minutes = "纪要" }))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        var forOwner = await (await owner.GetAsync(url + "?q=停车位")).ShouldBe<Page<ResolutionView>>(HttpStatusCode.OK);
        Assert.Equal(found.ItemId, Assert.Single(forOwner.Items).ItemId);
        Assert.Equal(1, (await (await owner.GetAsync(url)).ShouldBe<Page<ResolutionView>>(HttpStatusCode.OK)).Total);
    }

    [Fact]
    public async Task Items_of_a_meeting_closed_without_quorum_are_recorded_as_lacking_quorum_and_the_minutes_say_so()
    {
        var owners = await new VotingWorld(api).Community(PartySpec.Owner(8000));
        var c = await _world.Committee(3, owners.Id);
        var meeting = await _world.Convene(c, items: 2);
        _world.Start(meeting);
        await _world.Attend(c.Chair, meeting.Id, c.Chair);
        await MeetingsWorld.State(c.Chair, meeting.Items[0].Id, c.Chair, Stance.For);
        await (await MeetingsWorld.Decide(c.Chair, meeting.Items[0].Id)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "quorum_not_met");

        var closed = await (await c.Chair.Client.PostAsync($"/api/v1/committee-meetings/{meeting.Id}/close", null))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        Assert.All(closed.Items, i => Assert.Equal(ItemOutcome.NoQuorum, i.Outcome));
        var published = await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/minutes", new { minutes = "仅主任一人到会" }))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        var notice = await (await owners.Parties[0].Voter.Client.GetAsync($"/api/v1/notices/{published.MinutesNoticeId}"))
            .ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Contains("会议未达到法定人数", notice.Body);
        Assert.Contains("因出席委员不足半数未能表决", notice.Body);
        Assert.DoesNotContain("未表决", notice.Body);
        // Not a decision: the resolutions list keeps to what was decided.
        Assert.Equal(0, (await (await c.Chair.Client.GetAsync($"/api/v1/communities/{c.CommunityId}/resolutions"))
            .ShouldBe<Page<ResolutionView>>(HttpStatusCode.OK)).Total);
    }
}
