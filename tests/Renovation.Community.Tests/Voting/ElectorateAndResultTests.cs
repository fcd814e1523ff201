using System.Net;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

/// <summary>Whole votes through HTTP: the roll frozen at opening, the counting rules, the result at the boundaries.</summary>
public sealed class ElectorateAndResultTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    [Fact]
    public async Task Exactly_two_thirds_participation_passes()
    {
        var community = await _world.Community(Owner(10000), Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        await VotingWorld.Agree(community.Parties[1].Voter, vote.Id);
        var result = (await _world.Close(vote.Id)).Result!;
        Assert.Equal(new Totals(20000, 2), result.Participating);
        Assert.True(result.QuorumMet);
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task One_hundredth_of_a_square_metre_less_than_two_thirds_fails()
    {
        var community = await _world.Community(Owner(10000), Owner(9999), Owner(10001));
        var vote = await _world.OpenVote(community.Id);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        await VotingWorld.Agree(community.Parties[1].Voter, vote.Id);
        var result = (await _world.Close(vote.Id)).Result!;
        Assert.Equal(new Totals(19999, 2), result.Participating);
        Assert.Equal(new Totals(30000, 3), result.Electorate);
        Assert.False(result.QuorumMet);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task Exactly_three_quarters_approval_passes_for_matter_6()
    {
        var community = await _world.Community(Owner(10000), Owner(10000), Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id, Matter.RaiseMaintenanceFund);
        for (var i = 0; i < 3; i++)
            await VotingWorld.Agree(community.Parties[i].Voter, vote.Id);
        await VotingWorld.Agree(community.Parties[3].Voter, vote.Id, Choice.Oppose);
        var result = (await _world.Close(vote.Id)).Result!;
        Assert.Equal(new Totals(30000, 3), result.Agree);
        Assert.Equal(new Totals(40000, 4), result.Participating);
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task Exactly_one_half_fails_for_matter_5()
    {
        var community = await _world.Community(Owner(10000), Owner(10000), Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id, Matter.UseMaintenanceFund);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        await VotingWorld.Agree(community.Parties[1].Voter, vote.Id);
        await VotingWorld.Agree(community.Parties[2].Voter, vote.Id, Choice.Oppose);
        await VotingWorld.Agree(community.Parties[3].Voter, vote.Id, Choice.Abstain);
        var result = (await _world.Close(vote.Id)).Result!;
        Assert.True(result.QuorumMet);
        Assert.Equal(new Totals(20000, 2), result.Agree);
        Assert.Equal(new Totals(10000, 1), result.Abstain);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task A_multi_unit_owner_counts_once_with_the_areas_added()
    {
        var community = await _world.Community(new PartySpec([5000, 6000, 7000], Residents: 2), Owner(9000));
        var vote = await _world.OpenVote(community.Id);
        Assert.Equal(new Totals(27000, 2), vote.Electorate);

        var owner = community.Parties[0];
        await VotingWorld.Agree(owner.Voters[0], vote.Id);
        // The owner's second device, bound to another of the units, acts for the same party.
        await (await VotingWorld.Cast(owner.Voters[1].Client, vote.Id, new { choice = Choice.Oppose }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_voted");
        var current = await _world.Get(vote.Id);
        Assert.Equal(new Totals(18000, 1), current.Participating);
    }

    [Fact]
    public async Task Co_owners_count_as_one_owner_and_either_may_cast_the_ballot()
    {
        var community = await _world.Community(new PartySpec([8000], OwnerPartyKind.CoOwners, Residents: 2), Owner(8000));
        var vote = await _world.OpenVote(community.Id);
        Assert.Equal(new Totals(16000, 2), vote.Electorate);
        await VotingWorld.Agree(community.Parties[0].Voters[1], vote.Id);
        await (await VotingWorld.Cast(community.Parties[0].Voters[0].Client, vote.Id, new { choice = Choice.Agree }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_voted");
    }

    [Fact]
    public async Task The_developers_unsold_units_count_as_one_owner()
    {
        var community = await _world.Community(new PartySpec([7000, 7000, 7000, 7000], OwnerPartyKind.Developer), Owner(9000), Owner(9000));
        var vote = await _world.OpenVote(community.Id);
        Assert.Equal(new Totals(46000, 3), vote.Electorate);
    }

    [Fact]
    public async Task The_roll_is_frozen_when_voting_opens()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var officer = await _world.Officer();
        // After opening, party 1's unit is sold to party 2 and its area corrected: this vote does not notice.
        var moved = await officer.PutJson($"/api/v1/units/{community.Parties[0].UnitIds[0]}",
            new { exclusiveAreaHundredths = 12345, areaBasis = "Surveyed", ownerPartyId = community.Parties[1].Id });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        var current = await _world.Get(vote.Id);
        Assert.Equal(new Totals(20000, 2), current.Electorate);
        Assert.Equal(new Totals(10000, 1), current.Participating);
    }

    [Fact]
    public async Task An_election_fills_its_seats_from_approved_candidates()
    {
        var community = await _world.Community(Owner(10000), Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id, Matter.ElectCommittee, Secrecy.Secret, kind: VoteKind.Election,
            candidates: ["王主任", "李委员", "张委员"], seats: 2);
        var (wang, li, zhang) = (vote.Candidates[0].Id, vote.Candidates[1].Id, vote.Candidates[2].Id);
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { candidateIds = new[] { wang, li } })).ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        await (await VotingWorld.Cast(community.Parties[1].Voter.Client, vote.Id, new { candidateIds = new[] { wang, zhang } })).ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        await (await VotingWorld.Cast(community.Parties[2].Voter.Client, vote.Id, new { candidateIds = new[] { wang } })).ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        await (await VotingWorld.Cast(community.Parties[2].Voter.Client, vote.Id, new { candidateIds = new[] { wang, li, zhang } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "ballot_choice_invalid");

        var result = (await _world.Close(vote.Id)).Result!;
        Assert.Equal([wang], result.Candidates.Where(c => c.Elected).Select(c => c.CandidateId));
        Assert.Equal(new Totals(30000, 3), result.Candidates.Single(c => c.CandidateId == wang).Agree);
        // 李 and 张 have one of three: not more than half, so not approved, and the second seat stays empty.
        Assert.False(result.Passed);
    }
}
