using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Meetings;

/// <summary>
/// Every "once" of a meeting held by the database under N identical requests at once (run on MariaDB by the MySQL
/// pass): attendance, positions, decisions, observer seats, calls and owners' demands.
/// </summary>
public sealed class MeetingsRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly MeetingsWorld _world = new(api);

    private async Task<(Committee Committee, CommitteeMeetingView Meeting)> Sitting(int members = 3)
    {
        var c = await _world.Committee(members);
        var meeting = await _world.Convene(c);
        _world.Start(meeting);
        return (c, meeting);
    }

    [Fact]
    public async Task A_member_is_recorded_present_once_however_many_record_them_at_once()
    {
        var (c, meeting) = await Sitting();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => c.Chair.Client.PostJson($"/api/v1/committee-meetings/{meeting.Id}/attendance", new { memberUserId = c.Members[1].UserId }),
            db => db.CommitteeMeetingMembers.CountAsync(m => m.MeetingId == meeting.Id && m.PresentAt != null),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "already_present");
    }

    [Fact]
    public async Task A_member_states_one_position_per_item_however_many_requests_race()
    {
        var (c, meeting) = await Sitting();
        await _world.Attend(c.Chair, meeting.Id, c.Chair);
        var item = meeting.Items[0].Id;
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => c.Chair.Client.PostJson($"/api/v1/committee-meeting-items/{item}/positions", new { memberUserId = c.Chair.UserId, stance = "For" }),
            db => db.CommitteeMemberPositions.CountAsync(p => p.ItemId == item),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "position_exists");
    }

    [Fact]
    public async Task An_item_is_decided_once_and_a_secretary_entry_confirmed_once()
    {
        var (c, meeting) = await Sitting();
        foreach (var m in c.Members)
            await _world.Attend(c.Chair, meeting.Id, m);
        var item = meeting.Items[0].Id;
        var entered = await MeetingsWorld.State(c.Chair, item, c.Members[1], Stance.For);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => c.Members[2].Client.PostAsync($"/api/v1/committee-meeting-positions/{entered.Id}/confirm", null),
            db => db.CommitteeMemberPositions.CountAsync(p => p.Id == entered.Id && p.SignedAt != null),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "position_already_signed");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => MeetingsWorld.Decide(c.Chair, item),
            db => db.CommitteeAgendaItems.CountAsync(i => i.Id == item && i.Outcome != ItemOutcome.Pending),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "item_already_decided");
    }

    [Fact]
    public async Task The_last_observer_seat_goes_to_exactly_one_of_the_owners_asking_at_once()
    {
        var owners = await new VotingWorld(api).Community(Enumerable.Range(0, Race.DefaultRacers).Select(_ => PartySpec.Owner(8000)).ToArray());
        var c = await _world.Committee(3, owners.Id);
        var meeting = await _world.Convene(c, observerCapacity: 1);
        var next = -1;
        var answers = await Race.Run(Race.DefaultRacers, () =>
            owners.Parties[Interlocked.Increment(ref next)].Voter.Client.PostAsync($"/api/v1/committee-meetings/{meeting.Id}/observers", null));
        answers.ExactlyOne(HttpStatusCode.Created).OthersAre(HttpStatusCode.Conflict, "observers_full");
        Assert.Equal(1, await api.WithDb(db => db.CommitteeMeetingObservers.CountAsync(o => o.MeetingId == meeting.Id)));
        Assert.Equal(1, await api.WithDb(db => db.CommitteeMeetings.Where(m => m.Id == meeting.Id).Select(m => m.ObserverCount).SingleAsync()));
    }

    [Fact]
    public async Task An_owner_registers_to_observe_once_however_many_requests_race()
    {
        var owners = await new VotingWorld(api).Community(PartySpec.Owner(8000));
        var c = await _world.Committee(3, owners.Id);
        var meeting = await _world.Convene(c, observerCapacity: 10);
        var owner = owners.Parties[0].Voter.Client;
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => owner.PostAsync($"/api/v1/committee-meetings/{meeting.Id}/observers", null),
            db => db.CommitteeMeetingObservers.CountAsync(o => o.MeetingId == meeting.Id),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "already_observing");
        Assert.Equal(1, await api.WithDb(db => db.CommitteeMeetings.Where(m => m.Id == meeting.Id).Select(m => m.ObserverCount).SingleAsync()));
    }

    [Fact]
    public async Task Each_members_call_for_a_meeting_is_recorded_once()
    {
        var c = await _world.Committee(9);
        var call = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/committee-meeting-calls", new { reason = "紧急事项" }))
            .ShouldBe<MeetingCallView>(HttpStatusCode.Created);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => c.Members[1].Client.PostAsync($"/api/v1/committee-meeting-calls/{call.Id}/signatures", null),
            db => db.CommitteeMeetingCallSignatures.CountAsync(s => s.CallId == call.Id),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "already_called");
    }

    [Fact]
    public async Task An_owner_party_supports_a_demand_once_however_many_requests_race()
    {
        var owners = await new VotingWorld(api).Community(PartySpec.Owner(8000), PartySpec.Owner(8000), PartySpec.Owner(8000), PartySpec.Owner(8000),
            PartySpec.Owner(8000), PartySpec.Owner(8000));
        var demand = await (await owners.Parties[0].Voter.Client.PostJson($"/api/v1/communities/{owners.Id}/assembly-demands", new { purpose = "改选业委会" }))
            .ShouldBe<DemandView>(HttpStatusCode.Created);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => owners.Parties[1].Voter.Client.PostAsync($"/api/v1/assembly-demands/{demand.Id}/supports", null),
            db => db.AssemblyDemandSupports.CountAsync(s => s.DemandId == demand.Id),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "already_supported");
    }
}
