using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

/// <summary>Election candidates are persons, not names; only the committee is elected.</summary>
public sealed class CandidateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private object Election(object?[] candidates, Matter matter = Matter.ElectCommittee, int seats = 1)
    {
        var now = api.Clock.GetUtcNow();
        return new
        {
            title = "第二届业主委员会委员选举",
            matter,
            kind = VoteKind.Election,
            secrecy = Secrecy.Secret,
            opensAt = now.AddDays(17),
            closesAt = now.AddDays(27),
            seats,
            candidates,
        };
    }

    private async Task<HttpResponseMessage> Convene(Guid communityId, object body) =>
        await (await _world.Officer()).PostJson($"/api/v1/communities/{communityId}/votes", body);

    /// <summary>Adds a personal owner party of one unit to the community; returns the party and its member.</summary>
    private Task<(Guid PartyId, Guid MemberId, Guid UnitId)> Person(Guid communityId, string name, string idLast4, string flat) => api.WithDb(async db =>
    {
        var building = await db.Buildings.FirstAsync(b => b.CommunityId == communityId);
        var party = new OwnerParty(communityId, OwnerPartyKind.Person, name, [(name, idLast4)]);
        var unit = new Unit(communityId, building.Id, flat, 9000, AreaBasis.Registered, "证" + flat, party.Id);
        db.AddRange(party, unit);
        await db.SaveChangesAsync();
        return (party.Id, party.Members[0].Id, unit.Id);
    });

    [Theory]
    [InlineData("""["王五","王五","赵六"]""")]
    [InlineData("""[" 王五 "]""")]
    public async Task A_candidate_given_by_name_alone_is_refused(string candidates)
    {
        var community = await _world.Community(Owner(10000));
        var now = api.Clock.GetUtcNow();
        var before = await RowCounts.Settled(api);
        var body = $$"""{"title":"选举","matter":"ElectCommittee","kind":"Election","secrecy":"Secret","seats":1,"opensAt":"{{now.AddDays(17):O}}","closesAt":"{{now.AddDays(27):O}}","candidates":{{candidates}}}""";
        var response = await (await _world.Officer()).PostAsync($"/api/v1/communities/{community.Id}/votes",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task The_same_person_named_twice_is_refused_however_they_are_named()
    {
        var community = await _world.Community(Owner(10000));
        var wang = await Person(community.Id, "王五", "1111", "201");
        var zhao = await Person(community.Id, "赵六", "2222", "202");
        // A registered user whose binding matched the register is that owner.
        var (_, userId) = await _world.NewUser();
        await api.WithDb(async db =>
        {
            var binding = new UnitBinding(userId, wang.UnitId, community.Id, "王五", "1111", "证201", true, api.Clock.GetUtcNow());
            binding.Approve(userId, api.Clock.GetUtcNow());
            db.UnitBindings.Add(binding);
            await db.SaveChangesAsync();
        });
        var before = await RowCounts.Settled(api);
        // The same member twice.
        var repeated = await (await Convene(community.Id, Election([new { partyMemberId = wang.MemberId }, new { partyMemberId = wang.MemberId },
            new { partyMemberId = zhao.MemberId }]))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "candidate_repeated");
        Assert.Contains("王五（1幢 201", repeated.GetProperty("detail").GetString());
        // The owner by party and by member.
        await (await Convene(community.Id, Election([new { ownerPartyId = wang.PartyId }, new { partyMemberId = wang.MemberId }])))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "candidate_repeated");
        // The owner by member and as the registered user.
        await (await Convene(community.Id, Election([new { partyMemberId = wang.MemberId }, new { userId }])))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "candidate_repeated");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Two_people_of_one_name_are_two_candidates_shown_apart()
    {
        var community = await _world.Community(Owner(10000));
        var first = await Person(community.Id, "王五", "1111", "301");
        var second = await Person(community.Id, "王五", "2222", "302");
        var vote = await (await Convene(community.Id, Election([new { partyMemberId = first.MemberId }, new { ownerPartyId = second.PartyId }])))
            .ShouldBe<VoteView>(HttpStatusCode.Created);
        Assert.Equal(2, vote.Candidates.Count);
        Assert.All(vote.Candidates, c => Assert.Equal("王五", c.Name));
        Assert.Equal([first.MemberId, second.MemberId], vote.Candidates.Select(c => c.PartyMemberId!.Value));
        Assert.Equal(["1111", "2222"], vote.Candidates.Select(c => c.IdLast4));
        Assert.Equal(["1幢 301", "1幢 302"], vote.Candidates.Select(c => c.Flat));
        Assert.Equal("王五（1幢 301，证件尾号 1111）", vote.Candidates[0].Label);
        Assert.NotEqual(vote.Candidates[0].Label, vote.Candidates[1].Label);
    }

    [Fact]
    public async Task Only_persons_of_the_community_stand()
    {
        var community = await _world.Community(Owner(10000));
        var other = await _world.Community(Owner(10000));
        var stranger = await Person(other.Id, "钱七", "3333", "401");
        await (await Convene(community.Id, Election([new { partyMemberId = stranger.MemberId }])))
            .ShouldBeProblem(HttpStatusCode.NotFound, "candidate_not_found");
        await (await Convene(community.Id, Election([new { ownerPartyId = community.Parties[0].Id, userId = Guid.NewGuid() }])))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var coOwners = await api.WithDb(async db =>
        {
            var party = new OwnerParty(community.Id, OwnerPartyKind.CoOwners, "孙八、周九", [("孙八", "4444"), ("周九", "5555")]);
            db.OwnerParties.Add(party);
            await db.SaveChangesAsync();
            return party;
        });
        await (await Convene(community.Id, Election([new { ownerPartyId = coOwners.Id }])))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "candidate_not_a_person");
        // One member of the co-owners may stand.
        await (await Convene(community.Id, Election([new { partyMemberId = coOwners.Members[1].Id }])))
            .ShouldBe<VoteView>(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(Matter.UseMaintenanceFund)]
    [InlineData(Matter.HireOrDismissManager)]
    [InlineData(Matter.OtherMajorMatter)]
    public async Task An_election_is_only_for_electing_or_replacing_committee_members(Matter matter)
    {
        var community = await _world.Community(Owner(10000));
        var candidates = await _world.Candidates(community.Id, "王五", "赵六");
        var before = await RowCounts.Settled(api);
        await (await Convene(community.Id, Election(candidates, matter)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "election_matter_invalid");
        Assert.Equal(before, await RowCounts.Of(api));
        await (await Convene(community.Id, Election(candidates, Matter.ElectCommittee))).ShouldBe<VoteView>(HttpStatusCode.Created);
    }
}
