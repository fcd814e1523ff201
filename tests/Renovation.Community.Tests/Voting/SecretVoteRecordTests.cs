using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

/// <summary>
/// What a secret vote publishes: per ballot only its receipt and chain link, per choice only totals. Every party here
/// has an area no other party has, the case where a per-ballot weight would name its owner.
/// </summary>
public sealed class SecretVoteRecordTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private static readonly long[] UniqueAreas = [8_123, 9_457, 10_789, 11_012, 12_345, 13_679];

    /// <summary>What a voter's own device does: SHA-256 over the vote, choice, its party's area and its secret key.</summary>
    private static string Receipt(Guid voteId, string choice, long area, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{voteId:N}|{choice}|{area}|{key}")));

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<(TestCommunity Community, VoteView Vote, List<(TestParty Party, Choice Choice, string Key)> Cast)> VoteOfUniqueAreasAsync(
        Matter matter = Matter.OtherMajorMatter, Secrecy secrecy = Secrecy.Secret)
    {
        var community = await _world.Community(UniqueAreas.Select(a => Owner(a)).ToArray());
        var vote = await _world.OpenVote(community.Id, matter, secrecy);
        var choices = new[] { Choice.Agree, Choice.Oppose, Choice.Agree, Choice.Abstain, Choice.Agree };
        var cast = new List<(TestParty, Choice, string)>();
        for (var i = 0; i < choices.Length; i++)
        {
            var key = VotingWorld.NewKey();
            await VotingWorld.Agree(community.Parties[i].Voter, vote.Id, choices[i], key);
            cast.Add((community.Parties[i], choices[i], key));
        }
        return (community, vote, cast);
    }

    private static async Task<JsonElement> RecordJson(HttpClient client, Guid voteId)
    {
        var response = await client.GetAsync($"/api/v1/votes/{voteId}/record");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order().ToArray();

    [Fact]
    public async Task A_secret_vote_whose_parties_all_have_unique_areas_publishes_no_per_ballot_choice_area_or_party()
    {
        var (community, vote, cast) = await VoteOfUniqueAreasAsync();
        // A paper ballot too: the channel that would otherwise be entered by name.
        var (first, second) = await _world.Committee(community.Id);
        var paper = await (await first.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", new { partyId = community.Parties[5].Id, choice = Choice.Oppose }))
            .ShouldBe<PaperEntryView>(HttpStatusCode.Created);
        await (await second.PostJson($"/api/v1/paper-ballots/{paper.Id}/confirm", new { choice = Choice.Oppose }))
            .ShouldBe<PaperReceipt>(HttpStatusCode.OK);
        await _world.Close(vote.Id);

        // Read as an outsider to the ballots would: any resident, the raw JSON as published.
        var reader = community.Parties[0].Voter.Client;
        var record = await RecordJson(reader, vote.Id);
        var ballots = record.GetProperty("ballots").EnumerateArray().ToList();
        Assert.Equal(6, ballots.Count);
        foreach (var ballot in ballots)
        {
            Assert.Equal(["chainIndex", "counted", "linkHash", "receipt", "supersedes"], Names(ballot));
            var text = ballot.GetRawText();
            Assert.All(new[] { "agree", "oppose", "abstain" }, c => Assert.DoesNotContain(c, text, StringComparison.OrdinalIgnoreCase));
            Assert.All(community.Parties, p => Assert.DoesNotContain(p.Id.ToString(), text));

            // Looking a published receipt up is no back door to its choice or weight either.
            var check = await reader.GetAsync($"/api/v1/votes/{vote.Id}/receipts/{ballot.GetProperty("receipt").GetString()}");
            var checkJson = JsonDocument.Parse(await check.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
            Assert.Equal(["chainIndex", "counted", "found", "linkHash", "receipt"], Names(checkJson));
        }
        // Who took part is public (Article 278 counts it), but with no choice, ballot or weight beside it.
        var participants = record.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(6, participants.Count);
        Assert.All(participants, p => Assert.Equal(["channel", "name", "partyId", "replacements"], Names(p)));
        Assert.Equal(cast.Count + 1, record.GetProperty("totals").GetProperty("participating").GetProperty("heads").GetInt64());
    }

    [Fact]
    public async Task Secret_totals_in_the_record_equal_the_tally_and_let_anyone_recompute_the_result()
    {
        var (community, vote, cast) = await VoteOfUniqueAreasAsync(Matter.RebuildBuildings);
        var closed = await _world.Close(vote.Id);
        var record = await (await community.Parties[5].Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/record"))
            .ShouldBe<VoteRecord>(HttpStatusCode.OK);

        // The reference tally, from what the voters cast.
        Totals Sum(IEnumerable<TestParty> parties) => new(parties.Sum(p => p.Area), parties.Count());
        var reference = new TallyCounts(Sum(cast.Select(c => c.Party)), Sum(cast.Where(c => c.Choice == Choice.Agree).Select(c => c.Party)),
            Sum(cast.Where(c => c.Choice == Choice.Oppose).Select(c => c.Party)), Sum(cast.Where(c => c.Choice == Choice.Abstain).Select(c => c.Party)),
            new Dictionary<Guid, Totals>());
        Assert.True(TallyStore.Same(reference, record.Totals), $"{record.Totals} != {reference}");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(TallyStore.Same(await TallyStore.RecountAsync(db, vote.Id, default), record.Totals));
            Assert.True(TallyStore.Same(await TallyStore.ReadAsync(db, vote.Id, default), record.Totals));
        }

        // What anyone can check from the record alone: turnout from the roll and the participants,
        var area = record.Electorate.ToDictionary(e => e.PartyId, e => e.AreaHundredths);
        var participating = new Totals(record.Participants.Sum(p => area[p.PartyId]), record.Participants.Count);
        Assert.Equal(record.Totals.Participating, participating);
        Assert.Equal(participating.Heads, record.Ballots.Count(b => b.Counted));
        // the choices adding up to the turnout,
        var t = record.Totals;
        Assert.Equal(participating, new Totals(t.Agree.Area + t.Oppose.Area + t.Abstain.Area, t.Agree.Heads + t.Oppose.Heads + t.Abstain.Heads));
        // the double majorities (matter 7: three quarters; agree is 31,257 of 51,726 hundredths, so it fails),
        var electorate = new Totals(record.Electorate.Sum(e => e.AreaHundredths), record.Electorate.Count);
        var quorum = participating.Area * 3 >= electorate.Area * 2 && participating.Heads * 3 >= electorate.Heads * 2;
        var passed = quorum && t.Agree.Area * 4 >= participating.Area * 3 && t.Agree.Heads * 4 >= participating.Heads * 3;
        Assert.Equal(closed.Result!.QuorumMet, quorum);
        Assert.Equal(closed.Result.Passed, passed);
        Assert.True(quorum);
        Assert.False(passed);
        // and the chain.
        var link = record.Genesis;
        foreach (var ballot in record.Ballots.OrderBy(b => b.ChainIndex))
        {
            link = Sha($"{link}|{ballot.Receipt}");
            Assert.Equal(link, ballot.LinkHash);
        }
        Assert.Equal(record.FinalLink, link);
    }

    [Fact]
    public async Task A_voter_confirms_their_own_secret_ballot_and_its_choice_with_the_key()
    {
        var community = await _world.Community(UniqueAreas.Select(a => Owner(a)).ToArray());
        var officer = await _world.Officer();
        await officer.PutJson($"/api/v1/communities/{community.Id}/voting-settings", new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false });
        var vote = await _world.OpenVote(community.Id, secrecy: Secrecy.Secret);
        var me = community.Parties[2];
        var firstKey = VotingWorld.NewKey();
        await VotingWorld.Agree(me.Voter, vote.Id, Choice.Oppose, firstKey);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id, Choice.Oppose);
        // The voter changes their mind, proving the earlier ballot is theirs with its key.
        var key = VotingWorld.NewKey();
        await (await VotingWorld.Cast(me.Voter.Client, vote.Id, new { choice = Choice.Agree, replacesKey = firstKey }, key))
            .ShouldBe<BallotReceipt>(HttpStatusCode.Created);

        // While the vote is open: the receipt is found and counted, and the server tells no one its choice.
        var mine = Receipt(vote.Id, "agree", me.Area, key);
        var check = await (await me.Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/receipts/{mine}")).ShouldBe<ReceiptCheck>(HttpStatusCode.OK);
        Assert.True(check.Found && check.Counted);
        Assert.Null(check.Choice);

        await _world.Close(vote.Id);
        var record = await (await me.Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/record")).ShouldBe<VoteRecord>(HttpStatusCode.OK);
        // The receipt the voter recomputes from their choice, their area and their key is in the chain and counts;
        var ballot = Assert.Single(record.Ballots, b => b.Receipt == mine);
        Assert.True(ballot.Counted);
        // the same key with any other choice is not, so the published receipt commits to the choice they made;
        Assert.DoesNotContain(record.Ballots, b => b.Receipt == Receipt(vote.Id, "oppose", me.Area, key) || b.Receipt == Receipt(vote.Id, "abstain", me.Area, key));
        // and the replaced ballot is still in the chain, no longer counted, named by the one that replaced it.
        var replaced = Assert.Single(record.Ballots, b => b.Receipt == Receipt(vote.Id, "oppose", me.Area, firstKey));
        Assert.False(replaced.Counted);
        Assert.Equal(replaced.Receipt, ballot.Supersedes);
        Assert.Equal(new Totals(me.Area, 1), record.Totals.Agree);
        Assert.Equal(new Totals(community.Parties[0].Area, 1), record.Totals.Oppose);
    }

    [Fact]
    public async Task A_secret_election_publishes_each_candidates_totals_and_no_per_ballot_choice()
    {
        var community = await _world.Community(UniqueAreas.Select(a => Owner(a)).ToArray());
        var vote = await _world.OpenVote(community.Id, Matter.ElectCommittee, Secrecy.Secret, kind: VoteKind.Election,
            candidates: ["张三", "李四", "王五"], seats: 2);
        var (zhang, li) = (vote.Candidates[0].Id, vote.Candidates[1].Id);
        async Task Elect(int party, params Guid[] candidateIds) =>
            await (await VotingWorld.Cast(community.Parties[party].Voter.Client, vote.Id, new { candidateIds }))
                .ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        await Elect(0, zhang, li);
        await Elect(1, zhang);
        await Elect(2, zhang, li);
        await Elect(3, li);
        await _world.Close(vote.Id);

        var json = await RecordJson(community.Parties[4].Voter.Client, vote.Id);
        Assert.All(json.GetProperty("ballots").EnumerateArray(), b => Assert.Equal(["chainIndex", "counted", "linkHash", "receipt", "supersedes"], Names(b)));
        var record = json.Deserialize<VoteRecord>(Json.Options)!;
        Assert.Equal(new Totals(UniqueAreas[0] + UniqueAreas[1] + UniqueAreas[2], 3), record.Totals.CandidateAgree[zhang]);
        Assert.Equal(new Totals(UniqueAreas[0] + UniqueAreas[2] + UniqueAreas[3], 3), record.Totals.CandidateAgree[li]);
        Assert.Equal(new Totals(UniqueAreas[..4].Sum(), 4), record.Totals.Participating);
    }

    [Fact]
    public async Task An_open_vote_still_publishes_each_ballot_with_its_choice_area_and_party()
    {
        var (community, vote, cast) = await VoteOfUniqueAreasAsync(secrecy: Secrecy.Named);
        await _world.Close(vote.Id);
        var json = await RecordJson(community.Parties[5].Voter.Client, vote.Id);
        var ballots = json.GetProperty("ballots").EnumerateArray().ToList();
        Assert.Equal(cast.Count, ballots.Count);
        foreach (var (party, choice, key) in cast)
        {
            var ballot = Assert.Single(ballots, b => b.GetProperty("partyId").GetGuid() == party.Id);
            Assert.Equal(choice.ToString().ToLowerInvariant(), ballot.GetProperty("choice").GetString());
            Assert.Equal(party.Area, ballot.GetProperty("areaHundredths").GetInt64());
            Assert.Equal(1, ballot.GetProperty("heads").GetInt32());
            Assert.Equal("Online", ballot.GetProperty("channel").GetString());
            Assert.Equal(Receipt(vote.Id, choice.ToString().ToLowerInvariant(), party.Area, key), ballot.GetProperty("receipt").GetString());
        }
    }
}
