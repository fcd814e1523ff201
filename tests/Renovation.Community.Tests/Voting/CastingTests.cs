using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

public sealed class CastingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private Task<int> BallotCount(Guid voteId) => api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == voteId));

    [Fact]
    public async Task The_same_request_twice_records_one_ballot_and_returns_the_same_receipt()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var key = VotingWorld.NewKey();
        var first = await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Agree }, key))
            .ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        var again = await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Agree }, key))
            .ShouldBe<BallotReceipt>(HttpStatusCode.OK);
        Assert.Equal(first.Receipt, again.Receipt);
        Assert.Equal(1, await BallotCount(vote.Id));
    }

    [Fact]
    public async Task A_key_reused_for_a_different_choice_is_refused()
    {
        var community = await _world.Community(Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var key = VotingWorld.NewKey();
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id, Choice.Agree, key);
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Oppose }, key))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("has spaces in it, not allowed!")]
    public async Task A_ballot_needs_a_proper_idempotency_key(string? key)
    {
        var community = await _world.Community(Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/votes/{vote.Id}/ballots")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { choice = Choice.Agree }, options: Json.Options),
        };
        if (key is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var before = await RowCounts.Settled(api);
        await (await community.Parties[0].Voter.Client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, await BallotCount(vote.Id));
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_later_ballot_is_refused_unless_the_community_lets_the_last_ballot_win()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        Assert.False(vote.LastBallotWins);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Oppose }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_voted");
    }

    [Fact]
    public async Task With_last_ballot_wins_a_named_ballot_is_replaced_and_the_tally_follows()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        await SetLastBallotWins(community.Id);
        var vote = await _world.OpenVote(community.Id, showCounts: true);
        Assert.True(vote.LastBallotWins);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        var replaced = await VotingWorld.Agree(community.Parties[0].Voter, vote.Id, Choice.Oppose);
        Assert.True(replaced.Replaced);
        var now = await _world.Get(vote.Id);
        Assert.Equal(new Totals(10000, 1), now.Participating);
        Assert.Equal(default, now.Counts!.Agree);
        Assert.Equal(new Totals(10000, 1), now.Counts.Oppose);
        Assert.Equal(2, await BallotCount(vote.Id));
    }

    [Fact]
    public async Task In_a_secret_vote_replacing_needs_the_earlier_ballot_key()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        await SetLastBallotWins(community.Id);
        var vote = await _world.OpenVote(community.Id, secrecy: Secrecy.Secret);
        var firstKey = VotingWorld.NewKey();
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id, Choice.Agree, firstKey);
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Oppose }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "replacement_needs_key");
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Oppose, replacesKey = VotingWorld.NewKey() }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "replaced_ballot_not_found");
        var replaced = await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Oppose, replacesKey = firstKey }))
            .ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        Assert.True(replaced.Replaced);
        var result = (await _world.Close(vote.Id)).Result!;
        Assert.Equal(new Totals(10000, 1), result.Oppose);
        Assert.Equal(default, result.Agree);
        Assert.Equal(new Totals(10000, 1), result.Participating);
    }

    [Fact]
    public async Task Ballots_are_taken_only_between_opening_and_closing_time()
    {
        var community = await _world.Community(Owner(10000));
        var convened = await _world.Convene(community.Id);
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, convened.Id, new { choice = Choice.Agree }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "vote_not_open");
        api.Clock.Advance(convened.OpensAt - api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await _world.Sweep();
        api.Clock.Advance(convened.ClosesAt - api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        // Past the closing time, before the closing job ran: still refused.
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, convened.Id, new { choice = Choice.Agree }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "vote_not_open");
        Assert.Equal(0, await BallotCount(convened.Id));
    }

    [Fact]
    public async Task Someone_outside_the_roll_cannot_vote_and_outsiders_cannot_see_the_vote()
    {
        var community = await _world.Community(Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var committeeA = await api.ClientFor("committee-a");
        await (await VotingWorld.Cast(committeeA, vote.Id, new { choice = Choice.Agree })).ShouldBeProblem(HttpStatusCode.NotFound, "vote_not_found");
        var (stranger, _) = await _world.NewUser();
        await (await VotingWorld.Cast(stranger, vote.Id, new { choice = Choice.Agree })).ShouldBeProblem(HttpStatusCode.NotFound, "vote_not_found");
        // Street staff can see the vote but are not owners.
        await (await VotingWorld.Cast(await _world.Officer(), vote.Id, new { choice = Choice.Agree })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_motion_ballot_needs_one_of_agree_oppose_abstain()
    {
        var community = await _world.Community(Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "ballot_choice_invalid");
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = "Maybe" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Agree, candidateIds = new[] { Guid.NewGuid() } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "ballot_choice_invalid");
        Assert.Equal(0, await BallotCount(vote.Id));
    }

    private async Task SetLastBallotWins(Guid communityId)
    {
        var officer = await _world.Officer();
        var response = await officer.PutJson($"/api/v1/communities/{communityId}/voting-settings",
            new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
