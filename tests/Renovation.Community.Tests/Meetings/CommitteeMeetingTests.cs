using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Notices;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Meetings;

public sealed class CommitteeMeetingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly MeetingsWorld _world = new(api);

    [Fact]
    public async Task A_notice_one_day_short_of_the_committee_notice_period_is_refused()
    {
        var c = await _world.Committee(3);
        var now = api.Clock.GetUtcNow();
        var before = await RowCounts.Settled(api);
        var refused = await (await _world.TryConvene(c.Chair.Client, c.CommunityId, now.AddDays(6).AddMinutes(5)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        Assert.True(refused.TryGetProperty("earliestStartsAt", out _));
        Assert.Equal(before, await RowCounts.Of(api));
        await _world.Convene(c);
    }

    [Fact]
    public async Task The_notice_period_is_a_setting_of_the_community()
    {
        var c = await _world.Committee(3);
        var officer = await api.ClientFor("street-officer");
        var settings = await (await officer.PutJson($"/api/v1/communities/{c.CommunityId}/meeting-settings",
                new { committeeNoticeDays = 5, assemblyNoticeDays = 15, residentsCommitteeContact = "海门社区居委会 王主任 0576-88000000" }))
            .ShouldBe<MeetingSettingsView>(HttpStatusCode.OK);
        Assert.Equal(5, settings.CommitteeNoticeDays);
        var now = api.Clock.GetUtcNow();
        await (await _world.TryConvene(c.Chair.Client, c.CommunityId, now.AddDays(4).AddHours(23)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        // Five days counted from the day after the notice: the 6th calendar day at the earliest, the 7th to spare.
        var meeting = await (await _world.TryConvene(c.Chair.Client, c.CommunityId, now.AddDays(7)))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);
        Assert.Equal("海门社区居委会 王主任 0576-88000000", meeting.ResidentsCommitteeContact);
        await (await officer.PutJson($"/api/v1/communities/{c.CommunityId}/meeting-settings",
                new { committeeNoticeDays = 5, assemblyNoticeDays = 14, residentsCommitteeContact = (string?)null }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Only_the_chair_convenes_on_their_own_initiative()
    {
        var c = await _world.Committee(3);
        await (await _world.TryConvene(c.Members[1].Client, c.CommunityId, api.Clock.GetUtcNow().AddDays(8)))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        var resident = await api.ClientFor("resident-a");
        await (await _world.TryConvene(resident, (await Demo.Of(api)).CommunityA, api.Clock.GetUtcNow().AddDays(8)))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Convening_notifies_members_the_street_for_the_residents_committee_and_owners_by_a_public_notice()
    {
        var voting = new VotingWorld(api);
        var community = await voting.Community(PartySpec.Owner(8000), PartySpec.Owner(9000));
        var c = await _world.Committee(3, community.Id);
        var meeting = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/committee-meetings", new
        {
            title = "三月例会", startsAt = api.Clock.GetUtcNow().AddDays(8), place = "社区活动室", onlineLink = "https://meeting.example.cn/123",
            observerCapacity = 5,
            items = new object[] { new { title = "公开议题：加装电梯选址", description = "", @public = true }, new { title = "内部议题：人事", description = "", @public = false } },
            callId = (Guid?)null,
        })).ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);

        var kinds = await api.WithDb(db => db.OutboxEvents.Where(e => e.Kind.StartsWith("committee_meeting.")).Select(e => new { e.Kind, e.Audience }).ToListAsync());
        Assert.Contains(kinds, k => k.Kind == "committee_meeting.convened" && k.Audience == $"role:CommitteeMember:{c.CommunityId}");
        Assert.Contains(kinds, k => k.Kind == "committee_meeting.convened" && k.Audience == $"role:CommitteeChair:{c.CommunityId}");
        var streetId = (await Demo.Of(api)).StreetId;
        Assert.Contains(kinds, k => k.Kind == "committee_meeting.agenda" && k.Audience == $"role:StreetOfficer:{streetId}");

        // Owners read the notice and the public part only.
        var owner = community.Parties[0].Voter.Client;
        var notice = await (await owner.GetAsync($"/api/v1/notices/{meeting.NoticeId}")).ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Contains("加装电梯选址", notice.Body);
        Assert.DoesNotContain("人事", notice.Body);
        var seen = await _world.Get(owner, meeting.Id);
        Assert.Null(seen.Members);
        Assert.Single(seen.Items);
        Assert.All(seen.Items, i => Assert.Null(i.Positions));
        var full = await _world.Get(await api.ClientFor("street-officer"), meeting.Id);
        Assert.Equal(3, full.Members!.Count);
        Assert.Equal(2, full.Items.Count);
    }

    [Fact]
    public async Task Quorum_with_exactly_half_of_the_members_present_fails_and_one_more_passes()
    {
        var c = await _world.Committee(4);
        var meeting = await _world.Convene(c);
        _world.Start(meeting);
        var item = meeting.Items[0].Id;
        await _world.Attend(c.Chair, meeting.Id, c.Chair);
        var half = await _world.Attend(c.Chair, meeting.Id, c.Members[1]);
        Assert.Equal(2, half.Present);
        Assert.False(half.QuorumMet);
        await (await MeetingsWorld.Decide(c.Chair, item)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "quorum_not_met");

        var more = await _world.Attend(c.Members[2], meeting.Id, c.Members[2]);
        Assert.Equal(3, more.Present);
        Assert.True(more.QuorumMet);
        Assert.Equal(HttpStatusCode.OK, (await MeetingsWorld.Decide(c.Chair, item)).StatusCode);
    }

    [Fact]
    public async Task A_decision_signed_by_exactly_half_of_all_members_fails_and_one_more_signature_passes()
    {
        var c = await _world.Committee(4);
        var meeting = await _world.Convene(c, items: 2);
        _world.Start(meeting);
        foreach (var m in c.Members)
            await _world.Attend(m, meeting.Id, m);
        var (first, second) = (meeting.Items[0].Id, meeting.Items[1].Id);

        // 2 of 4 agree: all present, a majority of those voting, but not more than half of ALL members.
        await MeetingsWorld.State(c.Members[0], first, c.Members[0], Stance.For);
        await MeetingsWorld.State(c.Members[1], first, c.Members[1], Stance.For);
        await MeetingsWorld.State(c.Members[2], first, c.Members[2], Stance.Abstain);
        var failed = await (await MeetingsWorld.Decide(c.Chair, first)).ShouldBe<AgendaItemView>(HttpStatusCode.OK);
        Assert.Equal(ItemOutcome.NotPassed, failed.Outcome);
        Assert.Equal(2, failed.SignedFor);

        foreach (var m in c.Members.Take(3))
            await MeetingsWorld.State(m, second, m, Stance.For);
        var passed = await (await MeetingsWorld.Decide(c.Chair, second)).ShouldBe<AgendaItemView>(HttpStatusCode.OK);
        Assert.Equal(ItemOutcome.Passed, passed.Outcome);
        await (await MeetingsWorld.Decide(c.Chair, second)).ShouldBeProblem(HttpStatusCode.Conflict, "item_already_decided");
    }

    [Fact]
    public async Task A_proxy_is_refused_and_an_absent_member_cannot_take_a_position()
    {
        var c = await _world.Committee(3);
        var meeting = await _world.Convene(c);
        _world.Start(meeting);
        var before = await RowCounts.Settled(api);
        await (await c.Members[1].Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/attendance",
                new { memberUserId = c.Members[2].UserId, proxyUserId = c.Members[1].UserId }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "committee_proxy_not_allowed");
        Assert.Equal(before, await RowCounts.Of(api));
        await _world.Attend(c.Chair, meeting.Id, c.Chair);
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meeting-items/{meeting.Items[0].Id}/positions",
                new { memberUserId = c.Members[2].UserId, stance = "For" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "member_not_present");
        await (await c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/attendance", new { memberUserId = c.Chair.UserId }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_present");
    }

    [Fact]
    public async Task A_position_entered_by_the_secretary_counts_only_after_a_second_member_confirms_it()
    {
        var c = await _world.Committee(3);
        var meeting = await _world.Convene(c);
        _world.Start(meeting);
        foreach (var m in c.Members)
            await _world.Attend(c.Chair, meeting.Id, m);
        var item = meeting.Items[0].Id;
        var secretary = c.Members[1];
        await MeetingsWorld.State(c.Chair, item, c.Chair, Stance.For);
        var entered = await MeetingsWorld.State(secretary, item, c.Members[2], Stance.For);
        Assert.Null(entered.SignedAt);
        await (await secretary.Client.PostAsync($"/api/v1/committee-meeting-positions/{entered.Id}/confirm", null))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "second_member_required");

        var confirmed = await (await c.Chair.Client.PostAsync($"/api/v1/committee-meeting-positions/{entered.Id}/confirm", null))
            .ShouldBe<PositionView>(HttpStatusCode.OK);
        Assert.Equal(c.Chair.UserId, confirmed.SignedBy);
        var decided = await (await MeetingsWorld.Decide(c.Chair, item)).ShouldBe<AgendaItemView>(HttpStatusCode.OK);
        Assert.Equal(2, decided.SignedFor);
        Assert.Equal(ItemOutcome.Passed, decided.Outcome);
    }

    [Fact]
    public async Task An_unconfirmed_secretary_entry_does_not_count_towards_the_decision()
    {
        var c = await _world.Committee(3);
        var meeting = await _world.Convene(c);
        _world.Start(meeting);
        foreach (var m in c.Members)
            await _world.Attend(c.Chair, meeting.Id, m);
        var item = meeting.Items[0].Id;
        await MeetingsWorld.State(c.Chair, item, c.Chair, Stance.For);
        await MeetingsWorld.State(c.Chair, item, c.Members[1], Stance.For);
        var decided = await (await MeetingsWorld.Decide(c.Chair, item)).ShouldBe<AgendaItemView>(HttpStatusCode.OK);
        Assert.Equal(1, decided.SignedFor);
        Assert.Equal(ItemOutcome.NotPassed, decided.Outcome);
    }

    [Fact]
    public async Task A_third_of_the_members_calling_obliges_a_meeting_within_7_days_and_the_street_sees_when_it_is_missed()
    {
        var c = await _world.Committee(6);
        var call = await (await c.Members[1].Client.PostJson($"/api/v1/communities/{c.CommunityId}/committee-meeting-calls",
            new { reason = "物业费调整需尽快讨论" })).ShouldBe<MeetingCallView>(HttpStatusCode.Created);
        Assert.False(call.Reached);
        await (await c.Members[1].Client.PostAsync($"/api/v1/committee-meeting-calls/{call.Id}/signatures", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_called");
        // A member cannot convene on a call that has not reached a third.
        await (await _world.TryConvene(c.Members[1].Client, c.CommunityId, api.Clock.GetUtcNow().AddDays(8), callId: call.Id))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "call_not_reached");

        var reached = await (await c.Members[2].Client.PostAsync($"/api/v1/committee-meeting-calls/{call.Id}/signatures", null))
            .ShouldBe<MeetingCallView>(HttpStatusCode.OK);
        Assert.True(reached.Reached);
        Assert.Equal(2, reached.Signatures);
        Assert.Equal(reached.ReachedAt!.Value.AddDays(7), reached.HoldBy);

        var officer = await api.ClientFor("street-officer");
        api.Clock.Advance(TimeSpan.FromDays(6));
        await _world.Sweep();
        Assert.Empty(await Alerts(officer, c.CommunityId));
        api.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await _world.Sweep();
        await _world.Sweep();
        var alerts = await Alerts(officer, c.CommunityId);
        Assert.Equal("call_overdue", Assert.Single(alerts).Kind);
        var calls = await (await officer.GetAsync($"/api/v1/communities/{c.CommunityId}/committee-meeting-calls"))
            .ShouldBe<Page<MeetingCallView>>(HttpStatusCode.OK);
        Assert.True(Assert.Single(calls.Items).Overdue);

        // A member (not only the chair) convenes on the call; the call is answered once.
        var meeting = await _world.Convene(c, by: c.Members[2].Client, callId: call.Id);
        Assert.Equal(MeetingOrigin.MembersCall, meeting.Origin);
        await (await _world.TryConvene(c.Members[1].Client, c.CommunityId, api.Clock.GetUtcNow().AddDays(8), callId: call.Id))
            .ShouldBeProblem(HttpStatusCode.Conflict, "call_already_convened");
    }

    [Fact]
    public async Task Owners_register_to_observe_up_to_the_capacity_once_each()
    {
        var voting = new VotingWorld(api);
        var community = await voting.Community(PartySpec.Owner(8000), PartySpec.Owner(8000), PartySpec.Owner(8000));
        var c = await _world.Committee(3, community.Id);
        var meeting = await _world.Convene(c, observerCapacity: 2);
        Task<HttpResponseMessage> Register(int i) => community.Parties[i].Voter.Client.PostAsync($"/api/v1/committee-meetings/{meeting.Id}/observers", null);

        var first = await (await Register(0)).ShouldBe<ObserverView>(HttpStatusCode.Created);
        Assert.Equal(1, first.ObserverCount);
        await (await Register(0)).ShouldBeProblem(HttpStatusCode.Conflict, "already_observing");
        await (await Register(1)).ShouldBe<ObserverView>(HttpStatusCode.Created);
        await (await Register(2)).ShouldBeProblem(HttpStatusCode.Conflict, "observers_full");
        Assert.Equal(2, await api.WithDb(db => db.CommitteeMeetingObservers.CountAsync(o => o.MeetingId == meeting.Id)));
        // Staff are not owners of the community.
        await (await (await api.ClientFor("street-officer")).PostAsync($"/api/v1/committee-meetings/{meeting.Id}/observers", null))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Attendance_and_quorum_reach_members_and_observers_live()
    {
        var demo = await Demo.Of(api);
        var chair = await api.ClientFor("chair-a");
        var meeting = await (await _world.TryConvene(chair, demo.CommunityA, api.Clock.GetUtcNow().AddDays(9), observerCapacity: 10))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);
        await (await (await api.ClientFor("resident-a")).PostAsync($"/api/v1/committee-meetings/{meeting.Id}/observers", null))
            .ShouldBe<ObserverView>(HttpStatusCode.Created);
        _world.Start(meeting);
        var (observer, observerInbox) = await NoticesWorld.Connect(api.ServerAddress, () => api.TokenFor("resident-a"));
        var (member, memberInbox) = await NoticesWorld.Connect(api.ServerAddress, () => api.TokenFor("committee-a"));
        var chairId = meeting.Members!.Single(m => m.IsChair).UserId;
        await (await chair.PostJson($"/api/v1/committee-meetings/{meeting.Id}/attendance", new { memberUserId = chairId }))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);

        foreach (var inbox in new[] { observerInbox, memberInbox })
        {
            var live = await MeetingsWorld.Next(inbox, "committee_meeting.attendance", meeting.Id);
            Assert.Equal(1, live.Payload.GetProperty("present").GetInt32());
            Assert.Equal(2, live.Payload.GetProperty("memberCount").GetInt32());
            Assert.False(live.Payload.GetProperty("quorumMet").GetBoolean());
        }
        await observer.DisposeAsync();
        await member.DisposeAsync();
    }

    private static async Task<IReadOnlyList<MeetingAlertView>> Alerts(HttpClient client, Guid communityId) =>
        (await (await client.GetAsync($"/api/v1/communities/{communityId}/meeting-alerts"))
            .ShouldBe<Page<MeetingAlertView>>(HttpStatusCode.OK)).Items;
}
