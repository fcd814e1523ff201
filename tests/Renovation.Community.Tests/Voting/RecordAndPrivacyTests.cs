using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

public sealed class RecordAndPrivacyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    /// <summary>What a voter's own device does: SHA-256 over the vote, choice, weight and its secret key.</summary>
    private static string ExpectedReceipt(Guid voteId, string choice, long area, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{voteId:N}|{choice}|{area}|{key}")));

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Anyone_can_recompute_every_total_and_the_chain_from_the_published_record()
    {
        var community = await _world.Community(Owner(10000), Owner(12000), Owner(8000), Owner(9000));
        var vote = await _world.OpenVote(community.Id, Matter.RebuildBuildings);
        var keys = new[] { VotingWorld.NewKey(), VotingWorld.NewKey(), VotingWorld.NewKey() };
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id, Choice.Agree, keys[0]);
        await VotingWorld.Agree(community.Parties[1].Voter, vote.Id, Choice.Agree, keys[1]);
        await VotingWorld.Agree(community.Parties[2].Voter, vote.Id, Choice.Oppose, keys[2]);
        var closed = await _world.Close(vote.Id);

        var record = await (await community.Parties[3].Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/record"))
            .ShouldBe<VoteRecord>(HttpStatusCode.OK);
        var counted = record.Ballots.Where(b => b.Counted).ToList();
        var agree = new Totals(counted.Where(b => b.Choice == "agree").Sum(b => b.AreaHundredths!.Value), counted.Count(b => b.Choice == "agree"));
        var participating = new Totals(counted.Sum(b => b.AreaHundredths!.Value), counted.Count);
        var electorate = new Totals(record.Electorate.Sum(e => e.AreaHundredths), record.Electorate.Count);
        Assert.Equal(closed.Result!.Agree, agree);
        Assert.Equal(closed.Result.Participating, participating);
        Assert.Equal(closed.Result.Electorate, electorate);
        // Matter 7: 22000 of 30000 participating area is 73 %: under 3/4, so it fails.
        Assert.Equal(agree.Area * 4 >= participating.Area * 3 && agree.Heads * 4 >= participating.Heads * 3 && participating.Area * 3 >= electorate.Area * 2, closed.Result.Passed);
        Assert.False(closed.Result.Passed);

        var link = record.Genesis;
        Assert.Equal(Sha($"renovation-vote|{vote.Id:N}"), link);
        foreach (var ballot in record.Ballots.OrderBy(b => b.ChainIndex))
        {
            link = Sha($"{link}|{ballot.Receipt}");
            Assert.Equal(link, ballot.LinkHash);
        }
        Assert.Equal(record.FinalLink, link);
        Assert.Equal([1L, 2L, 3L], record.Ballots.Select(b => b.ChainIndex).Order());

        // Each voter finds their own ballot, counted as cast.
        Assert.Contains(record.Ballots, b => b.Receipt == ExpectedReceipt(vote.Id, "agree", 10000, keys[0]) && b.Counted);
        Assert.Contains(record.Ballots, b => b.Receipt == ExpectedReceipt(vote.Id, "oppose", 8000, keys[2]) && b.Counted);
        var check = await (await community.Parties[0].Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/receipts/{ExpectedReceipt(vote.Id, "agree", 10000, keys[0])}"))
            .ShouldBe<ReceiptCheck>(HttpStatusCode.OK);
        Assert.True(check.Found && check.Counted);
        Assert.NotNull(check.ChainIndex);
        // A named vote shows who chose what.
        Assert.All(record.Ballots, b => Assert.NotNull(b.PartyId));
    }

    [Fact]
    public async Task A_secret_vote_keeps_no_link_between_who_took_part_and_what_they_chose()
    {
        var community = await _world.Community(Owner(10000), Owner(12000), Owner(8000));
        var (first, second) = await _world.Committee(community.Id);
        var vote = await _world.OpenVote(community.Id, secrecy: Secrecy.Secret);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        await VotingWorld.Agree(community.Parties[1].Voter, vote.Id, Choice.Oppose);
        var paper = await (await first.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", new { partyId = community.Parties[2].Id, choice = Choice.Abstain }))
            .ShouldBe<PaperEntryView>(HttpStatusCode.Created);
        await second.PostJson($"/api/v1/paper-ballots/{paper.Id}/confirm", new { choice = Choice.Abstain });

        // What an administrator could query straight from the database:
        var ballots = await api.WithDb(db => db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).ToListAsync());
        Assert.All(ballots, b =>
        {
            Assert.Null(b.OwnerPartyId);
            Assert.Null(b.CastByUserId);
            Assert.Null(b.CastAt);
            Assert.Null(b.Channel);
        });
        var participations = await api.WithDb(db => db.Participations.AsNoTracking().Where(p => p.VoteId == vote.Id).ToListAsync());
        Assert.Equal(3, participations.Count);
        Assert.All(participations, p => Assert.Null(p.CurrentBallotId));
        var entry = await api.WithDb(db => db.PaperBallotEntries.AsNoTracking().SingleAsync(e => e.Id == paper.Id));
        Assert.Null(entry.PendingChoiceCode);
        Assert.Null(entry.BallotId);
        Assert.False(await api.WithDb(db => db.AuditLog.AnyAsync(a => a.EntityType == "Ballot" || a.EntityType == "Participation" || a.EntityType == "PaperBallotEntry")));

        await _world.Close(vote.Id);
        var record = await (await community.Parties[0].Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/record")).ShouldBe<VoteRecord>(HttpStatusCode.OK);
        Assert.All(record.Ballots, b => { Assert.Null(b.PartyId); Assert.Null(b.PartyName); Assert.Null(b.Channel); Assert.Null(b.Choice); });
        Assert.Equal(new Totals(10000, 1), record.Totals.Agree);
        Assert.Equal(new Totals(12000, 1), record.Totals.Oppose);
        Assert.Equal(new Totals(8000, 1), record.Totals.Abstain);
        // Who took part is public.
        Assert.Equal(3, record.Participants.Count);
        var participants = await (await community.Parties[0].Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/participants"))
            .ShouldBe<Page<Participant>>(HttpStatusCode.OK);
        Assert.Equal(3, participants.Total);
    }

    [Fact]
    public async Task The_record_is_published_only_after_the_close()
    {
        var community = await _world.Community(Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        await (await community.Parties[0].Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/record"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "vote_not_closed");
    }

    [Fact]
    public async Task Per_option_counts_stay_hidden_before_the_close_unless_the_vote_shows_them()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var hidden = await _world.OpenVote(community.Id);
        await VotingWorld.Agree(community.Parties[0].Voter, hidden.Id);
        var view = await (await community.Parties[1].Voter.Client.GetAsync($"/api/v1/votes/{hidden.Id}")).ShouldBe<VoteView>(HttpStatusCode.OK);
        Assert.Equal(new Totals(10000, 1), view.Participating);
        Assert.Null(view.Counts);
        var closed = await _world.Close(hidden.Id);
        Assert.Equal(new Totals(10000, 1), closed.Counts!.Agree);
    }

    [Fact]
    public async Task The_convener_sees_who_has_not_voted_yet_and_residents_do_not()
    {
        var community = await _world.Community(Owner(10000), Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        await VotingWorld.Agree(community.Parties[1].Voter, vote.Id);
        var missing = await (await (await _world.Officer()).GetAsync($"/api/v1/votes/{vote.Id}/non-voters"))
            .ShouldBe<Page<RollEntry>>(HttpStatusCode.OK);
        Assert.Equal(2, missing.Total);
        Assert.DoesNotContain(missing.Items, p => p.PartyId == community.Parties[1].Id);
        await (await community.Parties[0].Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/non-voters")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
