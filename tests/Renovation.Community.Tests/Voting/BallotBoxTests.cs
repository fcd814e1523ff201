using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Voting;

/// <summary>
/// The ballot box is the one way ballots are recorded: residents' first ballots share transactions, everything else is
/// recorded one by one in the same writer and gets the exact answer (refusal, replay, replacement).
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
            box.CastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), p.Voter.UserId, PartyId: null))));

        Assert.All(outcomes, o => Assert.False(o.Replayed));
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
    public async Task Two_co_owners_in_one_batch_record_one_ballot_and_the_other_is_refused()
    {
        var community = await _world.Community(new PartySpec([9_000], Residents: 2), PartySpec.Owner(8_000));
        var view = await _world.OpenVote(community.Id);
        var (vote, agree) = await OpenAsync(view.Id);
        var box = api.Services.GetRequiredService<BallotBox>();
        var party = community.Parties[0];

        var answers = await Task.WhenAll(party.Voters.Select(v => AnswerOf(
            box.CastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), v.UserId, PartyId: null)))));

        Assert.Single(answers, a => a.Outcome is not null);
        Assert.Single(answers, a => a.Problem is { Status: 409, Code: "already_voted" });
        Assert.Equal(1, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));
    }

    [Fact]
    public async Task A_party_that_has_voted_is_refused_and_a_caller_off_the_roll_is_not_a_voter()
    {
        var community = await _world.Community(PartySpec.Owner(9_000), PartySpec.Owner(8_000));
        var view = await _world.OpenVote(community.Id);
        var (vote, agree) = await OpenAsync(view.Id);
        var box = api.Services.GetRequiredService<BallotBox>();
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        var (_, outsider) = await _world.NewUser();

        var again = await Assert.ThrowsAnyAsync<AppProblem>(() =>
            box.CastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), community.Parties[0].Voter.UserId, null)));
        Assert.Equal("already_voted", again.Code);
        await Assert.ThrowsAsync<NotAVoter>(() => box.CastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(), outsider, null)));
        await Assert.ThrowsAsync<NotAVoter>(() => box.CastAsync(new BoxedBallot(vote, agree, VotingWorld.NewKey(),
            community.Parties[1].Voter.UserId, PartyId: community.Parties[0].Id)));
        Assert.Equal(1, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));
    }

    private static async Task<(CastOutcome? Outcome, AppProblem? Problem)> AnswerOf(Task<CastOutcome> cast)
    {
        try
        {
            return (await cast, null);
        }
        catch (AppProblem p)
        {
            return (null, p);
        }
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
