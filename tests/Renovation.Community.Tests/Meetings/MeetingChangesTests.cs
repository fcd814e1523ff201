using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Meetings;

/// <summary>
/// A committee meeting or an owners' assembly announced by mistake is called off or moved before it begins, each with
/// its own notice to everyone the announcement reached; a meeting members called or owners demanded cannot be called off.
/// </summary>
public sealed class MeetingChangesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly MeetingsWorld _world = new(api);
    private readonly VotingWorld _voting = new(api);

    private static object Assembly(DateTimeOffset startsAt, Guid? demandId = null) => new
    {
        title = "业主大会临时会议",
        place = "小区广场",
        method = "线上表决",
        startsAt,
        endsAt = startsAt.AddDays(10),
        items = new object[] { new { title = "选聘新物业服务企业", description = "", matter = "HireOrDismissManager", secret = false } },
        demandId,
    };

    private Task<List<(string Kind, string Audience)>> Events(string kind, Guid subjectId) => api.WithDb(async db =>
        (await db.OutboxEvents.Where(e => e.Kind == kind && e.PayloadJson.Contains(subjectId.ToString()))
            .Select(e => new { e.Kind, e.Audience }).ToListAsync()).Select(e => (e.Kind, e.Audience)).ToList());

    [Fact]
    public async Task A_committee_meeting_called_off_tells_owners_by_notice_and_members_observers_and_the_street_live()
    {
        var owners = await _voting.Community(PartySpec.Owner(8000), PartySpec.Owner(9000));
        var c = await _world.Committee(3, owners.Id);
        var meeting = await _world.Convene(c, observerCapacity: 5);
        var observer = owners.Parties[0].Voter;
        Assert.Equal(HttpStatusCode.Created, (await observer.Client.PostAsync($"/api/v1/committee-meetings/{meeting.Id}/observers", null)).StatusCode);

        var cancelled = await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/cancel", new { reason = "日期填错" }))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        Assert.Equal(CommitteeMeetingState.Cancelled, cancelled.State);
        Assert.Equal("日期填错", cancelled.CancellationReason);
        var noticeId = await api.WithDb(db => db.Notices.Where(n => n.CommunityId == owners.Id && n.Title.StartsWith("业主委员会会议取消通知"))
            .Select(n => n.Id).SingleAsync());
        var notice = await (await observer.Client.GetAsync($"/api/v1/notices/{noticeId}")).ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Contains("日期填错", notice.Body);
        var streetId = await api.WithDb(db => db.Communities.Where(x => x.Id == owners.Id).Select(x => x.StreetId).SingleAsync());
        var audiences = (await Events("committee_meeting.cancelled", meeting.Id)).Select(e => e.Audience).ToList();
        Assert.Contains($"role:CommitteeMember:{owners.Id}", audiences);
        Assert.Contains($"role:CommitteeChair:{owners.Id}", audiences);
        Assert.Contains($"user:{observer.UserId}", audiences);
        Assert.Contains($"role:StreetOfficer:{streetId}", audiences);

        // Nothing more happens at a cancelled meeting.
        var before = await RowCounts.Settled(api);
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/cancel", new { reason = "再次取消" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meeting_cancelled");
        await (await owners.Parties[1].Voter.Client.PostAsync($"/api/v1/committee-meetings/{meeting.Id}/observers", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meeting_cancelled");
        _world.Start(meeting);
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/attendance", new { memberUserId = c.Chair.UserId }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meeting_cancelled");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Only_the_chair_or_the_convener_calls_off_a_meeting()
    {
        var c = await _world.Committee(3);
        var meeting = await _world.Convene(c);
        await (await c.Members[1].Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/cancel", new { reason = "误发" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await api.ClientFor("resident-b")).PostJson($"/api/v1/committee-meetings/{meeting.Id}/cancel", new { reason = "误发" }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_meeting_cannot_be_called_off_or_moved_once_its_session_opened_or_it_closed()
    {
        var c = await _world.Committee(1);
        var meeting = await _world.Convene(c);
        api.Clock.Advance(meeting.StartsAt.AddHours(-1) - api.Clock.GetUtcNow());
        var before = await RowCounts.Settled(api);
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/cancel", new { reason = "误发" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meeting_already_started");
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/reschedule",
                new { startsAt = api.Clock.GetUtcNow().AddDays(20), reason = "误发" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meeting_already_started");
        Assert.Equal(before, await RowCounts.Of(api));

        Assert.Equal(HttpStatusCode.OK, (await c.Chair.Client.PostAsync($"/api/v1/committee-meetings/{meeting.Id}/close", null)).StatusCode);
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/cancel", new { reason = "误发" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meeting_already_finished");
    }

    [Fact]
    public async Task A_meeting_a_third_of_the_members_called_cannot_be_called_off_by_the_chair_but_can_be_moved()
    {
        var c = await _world.Committee(3);
        var call = await (await c.Members[1].Client.PostJson($"/api/v1/communities/{c.CommunityId}/committee-meeting-calls",
            new { reason = "电梯故障频发，需尽快讨论" })).ShouldBe<MeetingCallView>(HttpStatusCode.Created);
        Assert.True(call.Reached);
        var meeting = await _world.Convene(c, by: c.Members[1].Client, callId: call.Id);
        var before = await RowCounts.Settled(api);
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/cancel", new { reason = "没有必要开" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "called_meeting_cannot_be_cancelled");
        Assert.Equal(before, await RowCounts.Of(api));
        var moved = await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/reschedule",
            new { startsAt = meeting.StartsAt.AddDays(1), reason = "会议室被占用" })).ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        Assert.Equal(meeting.StartsAt.AddDays(1), moved.StartsAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_moved_committee_meeting_needs_the_notice_period_again_counted_from_the_move()
    {
        var c = await _world.Committee(3);
        var meeting = await _world.Convene(c);
        api.Clock.Advance(TimeSpan.FromDays(3));
        var before = await RowCounts.Settled(api);
        // Moving it by an hour: only 6 days' notice remain from today, short of 7.
        var refused = await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/reschedule",
                new { startsAt = meeting.StartsAt.AddHours(1), reason = "推迟一小时" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reschedule_notice_too_short");
        Assert.True(refused.TryGetProperty("earliestStartsAt", out _));
        Assert.Equal(before, await RowCounts.Of(api));

        var moved = await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/reschedule",
                new { startsAt = api.Clock.GetUtcNow().AddDays(9), reason = "主任出差", place = "物业办公室" }))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        Assert.Equal("物业办公室", moved.Place);
        Assert.NotNull(moved.RescheduledAt);
        var notice = await api.WithDb(db => db.Notices.SingleAsync(n => n.CommunityId == c.CommunityId && n.Title.StartsWith("业主委员会会议改期通知")));
        Assert.Contains("主任出差", notice.Body);
        Assert.Contains("物业办公室", notice.Body);
        Assert.NotEmpty(await Events("committee_meeting.rescheduled", meeting.Id));
    }

    [Fact]
    public async Task A_moved_assembly_needs_a_fresh_15_day_notice_and_its_votes_move_with_it()
    {
        var c = await _world.Committee(3);
        var assembly = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/assemblies",
            Assembly(api.Clock.GetUtcNow().AddDays(17)))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
        api.Clock.Advance(TimeSpan.FromDays(5));
        var before = await RowCounts.Settled(api);
        await (await c.Chair.Client.PostJson($"/api/v1/assemblies/{assembly.Id}/reschedule",
                new { startsAt = assembly.StartsAt.AddDays(1), endsAt = assembly.EndsAt.AddDays(1), reason = "与春节冲突" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reschedule_notice_too_short");
        Assert.Equal(before, await RowCounts.Of(api));

        var startsAt = api.Clock.GetUtcNow().AddDays(17);
        var moved = await (await c.Chair.Client.PostJson($"/api/v1/assemblies/{assembly.Id}/reschedule",
                new { startsAt, endsAt = startsAt.AddDays(7), reason = "与春节冲突" }))
            .ShouldBe<AssemblyView>(HttpStatusCode.OK);
        Assert.Equal(startsAt, moved.StartsAt, TimeSpan.FromMilliseconds(1));
        var vote = await api.WithDb(db => db.Votes.SingleAsync(v => v.Id == assembly.Items[0].VoteId));
        Assert.Equal(startsAt, vote.OpensAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(startsAt.AddDays(7), vote.ClosesAt, TimeSpan.FromMilliseconds(1));
        Assert.Single(await api.WithDb(db => db.Notices.Where(n => n.CommunityId == c.CommunityId && n.Title.StartsWith("业主大会会议改期公告")).ToListAsync()));
        Assert.NotEmpty(await Events("assembly.rescheduled", assembly.Id));
    }

    [Fact]
    public async Task A_cancelled_assembly_cancels_its_votes_and_cannot_be_cancelled_once_voting_started()
    {
        var c = await _world.Committee(3);
        var assembly = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/assemblies",
            Assembly(api.Clock.GetUtcNow().AddDays(17)))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
        var cancelled = await (await c.Chair.Client.PostJson($"/api/v1/assemblies/{assembly.Id}/cancel", new { reason = "议题需重新拟定" }))
            .ShouldBe<AssemblyView>(HttpStatusCode.OK);
        Assert.NotNull(cancelled.CancelledAt);
        Assert.Equal(VoteState.Cancelled, await api.WithDb(db => db.Votes.Where(v => v.Id == assembly.Items[0].VoteId).Select(v => v.State).SingleAsync()));
        Assert.Single(await api.WithDb(db => db.Notices.Where(n => n.CommunityId == c.CommunityId && n.Title.StartsWith("业主大会会议取消公告")).ToListAsync()));
        Assert.NotEmpty(await Events("assembly.cancelled", assembly.Id));

        var started = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/assemblies",
            Assembly(api.Clock.GetUtcNow().AddDays(17)))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
        api.Clock.Advance(started.StartsAt - api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var before = await RowCounts.Settled(api);
        await (await c.Chair.Client.PostJson($"/api/v1/assemblies/{started.Id}/cancel", new { reason = "误发" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "assembly_already_started");
        await (await c.Chair.Client.PostJson($"/api/v1/assemblies/{started.Id}/reschedule",
                new { startsAt = api.Clock.GetUtcNow().AddDays(20), endsAt = api.Clock.GetUtcNow().AddDays(25), reason = "误发" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "assembly_already_started");
        api.Clock.Advance(TimeSpan.FromDays(11));
        await (await c.Chair.Client.PostJson($"/api/v1/assemblies/{started.Id}/cancel", new { reason = "误发" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "assembly_already_finished");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task An_assembly_owners_demanded_cannot_be_called_off_by_the_committee()
    {
        var owners = await _voting.Community(Enumerable.Range(0, 5).Select(_ => PartySpec.Owner(10000)).ToArray());
        var demand = await (await owners.Parties[0].Voter.Client.PostJson($"/api/v1/communities/{owners.Id}/assembly-demands",
            new { purpose = "罢免业委会委员" })).ShouldBe<DemandView>(HttpStatusCode.Created);
        var c = await _world.Committee(3, owners.Id);
        var assembly = await (await c.Chair.Client.PostJson($"/api/v1/communities/{owners.Id}/assemblies",
            Assembly(api.Clock.GetUtcNow().AddDays(17), demand.Id))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
        var before = await RowCounts.Settled(api);
        await (await c.Chair.Client.PostJson($"/api/v1/assemblies/{assembly.Id}/cancel", new { reason = "不同意召开" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "demanded_assembly_cannot_be_cancelled");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Two_cancels_at_once_call_a_meeting_off_once_with_one_notice()
    {
        var c = await _world.Committee(3);
        var meeting = await _world.Convene(c);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/cancel", new { reason = "误发" }),
            db => db.Notices.CountAsync(n => n.CommunityId == c.CommunityId && n.Title.StartsWith("业主委员会会议取消通知")),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "meeting_cancelled");

        var assembly = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/assemblies",
            Assembly(api.Clock.GetUtcNow().AddDays(17)))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => c.Chair.Client.PostJson($"/api/v1/assemblies/{assembly.Id}/cancel", new { reason = "误发" }),
            db => db.Notices.CountAsync(n => n.CommunityId == c.CommunityId && n.Title.StartsWith("业主大会会议取消公告")),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "assembly_cancelled");
    }
}
