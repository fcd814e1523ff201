using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Races;

/// <summary>Written proxies under N identical simultaneous requests.</summary>
public sealed class VotingRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private static StringContent Pdf() => new("%PDF-1.4 授权委托书 签字", System.Text.Encoding.UTF8, "application/pdf");

    private int FilesOnDisk() => Directory.Exists(api.FilesRoot)
        ? Directory.EnumerateFiles(api.FilesRoot, "*", SearchOption.AllDirectories).Count()
        : 0;

    [Fact]
    public async Task Six_simultaneous_proxies_for_one_party_file_one_and_keep_one_document()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var party = community.Parties[0];
        var (_, proxyUserId) = await _world.NewUser();
        var files = FilesOnDisk();
        await Race.ExactlyOneEffect(api, 6,
            () => party.Voter.Client.PostAsync($"/api/v1/votes/{vote.Id}/proxies?partyId={party.Id}&proxyUserId={proxyUserId}", Pdf()),
            db => db.ProxyAuthorizations.CountAsync(p => p.VoteId == vote.Id),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "proxy_exists");
        // The losers' uploads were removed with their refusal.
        Assert.Equal(files + 1, FilesOnDisk());
    }

    [Fact]
    public async Task Five_simultaneous_approvals_of_one_proxy_approve_it_once()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var party = community.Parties[0];
        var (_, proxyUserId) = await _world.NewUser();
        var proxy = await (await party.Voter.Client.PostAsync($"/api/v1/votes/{vote.Id}/proxies?partyId={party.Id}&proxyUserId={proxyUserId}", Pdf()))
            .ShouldBe<ProxyView>(HttpStatusCode.Created);
        var officer = await _world.Officer();
        var id = proxy.Id.ToString();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => officer.PostAsync($"/api/v1/proxies/{proxy.Id}/approve", null),
            db => db.OutboxEvents.CountAsync(e => e.Kind == "proxy.approved" && e.PayloadJson.Contains(id)) .ContinueWith(t => t.Result / 2),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "proxy_already_decided");
        // A second proxy for the same party cannot even be filed while the first stands, so two can never be approved.
        var (_, another) = await _world.NewUser();
        await (await party.Voter.Client.PostAsync($"/api/v1/votes/{vote.Id}/proxies?partyId={party.Id}&proxyUserId={another}", Pdf()))
            .ShouldBeProblem(HttpStatusCode.Conflict, "proxy_exists");
    }

    [Fact]
    public async Task A_refused_proxy_request_leaves_no_file_on_disk()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var party = community.Parties[0];
        var files = FilesOnDisk();
        var before = await RowCounts.Settled(api);
        await (await party.Voter.Client.PostAsync($"/api/v1/votes/{vote.Id}/proxies?partyId={party.Id}&proxyUserId={party.Voter.UserId}", Pdf()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "proxy_is_self");
        Assert.Equal(files, FilesOnDisk());
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Five_simultaneous_cancellations_cancel_the_vote_once()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.Convene(community.Id);
        var officer = await _world.Officer();
        var id = vote.Id.ToString();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => officer.PostAsync($"/api/v1/votes/{vote.Id}/cancel", null),
            db => db.OutboxEvents.CountAsync(e => e.Kind == "vote.cancelled" && e.PayloadJson.Contains(id)),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "vote_cannot_cancel");
    }

    [Fact]
    public async Task Five_simultaneous_confirmations_of_one_paper_ballot_count_it_once()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var (first, second) = await _world.Committee(community.Id);
        var vote = await _world.OpenVote(community.Id);
        var party = community.Parties[0].Id;
        var entry = await (await first.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", new { partyId = party, choice = Choice.Agree }))
            .ShouldBe<PaperEntryView>(HttpStatusCode.Created);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => second.PostJson($"/api/v1/paper-ballots/{entry.Id}/confirm", new { choice = Choice.Agree }),
            db => db.Participations.CountAsync(p => p.VoteId == vote.Id && p.OwnerPartyId == party),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "paper_entry_already_confirmed");
        Assert.Equal(1, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));
    }

    [Fact]
    public async Task Five_simultaneous_corrections_of_one_paper_ballot_enter_one()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var (first, second) = await _world.Committee(community.Id);
        var vote = await _world.OpenVote(community.Id);
        var party = community.Parties[0].Id;
        var wrong = await (await first.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", new { partyId = party, choice = Choice.Agree }))
            .ShouldBe<PaperEntryView>(HttpStatusCode.Created);
        await (await second.PostJson($"/api/v1/paper-ballots/{wrong.Id}/confirm", new { choice = Choice.Agree })).ShouldBe<PaperReceipt>(HttpStatusCode.OK);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => second.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", new { partyId = party, choice = Choice.Oppose, correctsEntryId = wrong.Id }),
            db => db.PaperBallotEntries.CountAsync(e => e.CorrectsEntryId == wrong.Id),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "correction_exists");
    }
}
