using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Voting;

public sealed class TallyConsistencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private async Task<(TallyCounts Running, TallyCounts Recount)> Tallies(Guid voteId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await TallyStore.ReadAsync(db, voteId, default), await TallyStore.RecountAsync(db, voteId, default));
    }

    [Fact]
    public async Task The_running_tally_equals_a_full_recount_at_every_moment_on_random_ballots()
    {
        var random = new Random(278);
        var specs = Enumerable.Range(0, 24).Select(_ => PartySpec.Owner(
            Enumerable.Range(0, random.Next(1, 3)).Select(_ => (long)random.Next(4_500, 12_001)).ToArray())).ToArray();
        var community = await _world.Community(specs);
        var officer = await _world.Officer();
        await officer.PutJson($"/api/v1/communities/{community.Id}/voting-settings", new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false });
        var vote = await _world.OpenVote(community.Id, showCounts: true);

        var choices = new[] { Choice.Agree, Choice.Oppose, Choice.Abstain };
        for (var round = 0; round < 6; round++)
        {
            // A batch of concurrent ballots, some of them replacing the party's earlier ballot.
            var batch = community.Parties.OrderBy(_ => random.Next()).Take(random.Next(4, 12))
                .Select(p => (p, choice: choices[random.Next(3)])).ToList();
            var responses = await Task.WhenAll(batch.Select(b => VotingWorld.Cast(b.p.Voter.Client, vote.Id, new { choice = b.choice })));
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created, $"{r.StatusCode}"));
            var (running, recount) = await Tallies(vote.Id);
            Assert.True(TallyStore.Same(running, recount), $"round {round}: running {running} != recount {recount}");
        }
        var (_, final) = await Tallies(vote.Id);
        var voted = await api.WithDb(db => db.Participations.CountAsync(p => p.VoteId == vote.Id));
        Assert.Equal(voted, final.Participating.Heads);
        var closed = await _world.Close(vote.Id);
        Assert.Equal(final.Participating, closed.Result!.Participating);
        Assert.Equal(final.Agree, closed.Result.Agree);
    }

    [Fact]
    public async Task Two_hundred_simultaneous_duplicate_submissions_record_one_ballot()
    {
        var community = await _world.Community(PartySpec.Owner(10000), PartySpec.Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var voter = community.Parties[0].Voter;
        var key = VotingWorld.NewKey();
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 200).Select(async _ =>
        {
            await start.WaitAsync();
            return await VotingWorld.Cast(voter.Client, vote.Id, new { choice = Choice.Agree }, key);
        }).ToList();
        start.Release(200);
        var responses = await Task.WhenAll(tasks);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)r.StatusCode} {r.Content.ReadAsStringAsync().Result}"));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var receipts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(receipts.Select(r => System.Text.Json.JsonDocument.Parse(r).RootElement.GetProperty("receipt").GetString()).Distinct());
        Assert.Equal(1, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));
        var (running, recount) = await Tallies(vote.Id);
        Assert.Equal(new Totals(10000, 1), running.Participating);
        Assert.True(TallyStore.Same(running, recount));
    }

    [Fact]
    public async Task Two_hundred_simultaneous_different_ballots_for_one_party_record_one_and_refuse_the_rest()
    {
        var community = await _world.Community(PartySpec.Owner(10000), PartySpec.Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var voter = community.Parties[0].Voter;
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.WaitAsync();
            return await VotingWorld.Cast(voter.Client, vote.Id, new { choice = i % 2 == 0 ? Choice.Agree : Choice.Oppose });
        }).ToList();
        start.Release(200);
        var responses = await Task.WhenAll(tasks);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(199, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));
        var (running, recount) = await Tallies(vote.Id);
        Assert.Equal(new Totals(10000, 1), running.Participating);
        Assert.True(TallyStore.Same(running, recount));
    }
}
