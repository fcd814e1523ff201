using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Api.Data;
using Renovation.Community.Api.Features.Voting;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Voting;

/// <summary>
/// The ballot box records residents' first ballots in shared transactions and sends everything else to the full path,
/// which gives the exact answer (refusal, replay, replacement).
/// </summary>
public sealed class BallotBoxTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private async Task<(Vote Vote, BallotChoice Agree)> OpenAsync(Guid voteId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var vote = (await api.Services.GetRequiredService<OpenVotes>().FindOpenAsync(db, voteId, default))!;
        return (vote, BallotChoice.For(vote, Choice.Agree, null));
    }

    [Fact]
    public async Task Ballots_queued_together_share_transactions_and_the_tally_equals_a_recount()
    {
        var community = await _world.Community(Enumerable.Range(0, 40).Select(i => PartySpec.Owner(5_000 + i * 100)).ToArray());
        var view = await _world.OpenVote(community.Id);
        var (vote, agree) = await OpenAsync(view.Id);
        var box = api.Services.GetRequiredService<BallotBox>();
        var batchSizes = new ConcurrentBag<int>();
        using var listener = ListenToBatches(batchSizes);

        var outcomes = await Task.WhenAll(community.Parties.Select(p =>
            box.TryCastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), p.Voter.UserId, PartyId: null))));

        Assert.All(outcomes, o => Assert.NotNull(o));
        Assert.Equal(40, batchSizes.Sum());
        Assert.True(batchSizes.Max() > 1, $"every ballot had its own transaction: {string.Join(",", batchSizes)}");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(40, await db.Ballots.CountAsync(b => b.VoteId == vote.Id));
        var running = await TallyStore.ReadAsync(db, vote.Id, default);
        Assert.True(TallyStore.Same(running, await TallyStore.RecountAsync(db, vote.Id, default)));
        Assert.Equal(new Totals(community.Parties.Sum(p => p.Area), 40), running.Agree);
    }

    [Fact]
    public async Task Two_co_owners_in_one_batch_record_one_ballot_and_the_other_takes_the_full_path()
    {
        var community = await _world.Community(new PartySpec([9_000], Residents: 2), PartySpec.Owner(8_000));
        var view = await _world.OpenVote(community.Id);
        var (vote, agree) = await OpenAsync(view.Id);
        var box = api.Services.GetRequiredService<BallotBox>();
        var party = community.Parties[0];

        var outcomes = await Task.WhenAll(party.Voters.Select(v =>
            box.TryCastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), v.UserId, PartyId: null))));

        Assert.Single(outcomes, o => o is not null);
        // Over HTTP the one sent on answers as the full path would: the party has voted.
        var later = await VotingWorld.Cast(party.Voters[1].Client, vote.Id, new { choice = Choice.Oppose });
        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        Assert.Equal(1, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));
    }

    [Fact]
    public async Task A_party_that_has_voted_and_a_caller_off_the_roll_are_left_to_the_full_path()
    {
        var community = await _world.Community(PartySpec.Owner(9_000), PartySpec.Owner(8_000));
        var view = await _world.OpenVote(community.Id);
        var (vote, agree) = await OpenAsync(view.Id);
        var box = api.Services.GetRequiredService<BallotBox>();
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        var (_, outsider) = await _world.NewUser();

        Assert.Null(await box.TryCastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), community.Parties[0].Voter.UserId, null)));
        Assert.Null(await box.TryCastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), outsider, null)));
        Assert.Null(await box.TryCastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), community.Parties[1].Voter.UserId,
            PartyId: community.Parties[0].Id)));
        Assert.Equal(1, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));
    }

    /// <summary>Batch sizes from this test's API only (other classes run their own in the same process).</summary>
    private MeterListener ListenToBatches(ConcurrentBag<int> sizes)
    {
        var meters = api.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BallotBox.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => sizes.Add(value));
        listener.Start();
        return listener;
    }
}
