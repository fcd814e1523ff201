using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

public sealed class PaperAndProxyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private static async Task<PaperEntryView> Enter(HttpClient member, Guid voteId, Guid partyId, Choice choice, Guid? corrects = null) =>
        await (await member.PostJson($"/api/v1/votes/{voteId}/paper-ballots", new { partyId, choice, correctsEntryId = corrects }))
            .ShouldBe<PaperEntryView>(HttpStatusCode.Created);

    [Fact]
    public async Task A_paper_ballot_counts_only_after_a_second_member_confirms_the_same_reading()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var (first, second) = await _world.Committee(community.Id);
        var vote = await _world.OpenVote(community.Id, showCounts: true);
        var entry = await Enter(first, vote.Id, community.Parties[0].Id, Choice.Agree);
        Assert.Equal(new Totals(0, 0), (await _world.Get(vote.Id)).Participating);

        await (await first.PostJson($"/api/v1/paper-ballots/{entry.Id}/confirm", new { choice = Choice.Agree }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "paper_entry_same_member");
        await (await second.PostJson($"/api/v1/paper-ballots/{entry.Id}/confirm", new { choice = Choice.Oppose }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "paper_entry_mismatch");
        var receipt = await (await second.PostJson($"/api/v1/paper-ballots/{entry.Id}/confirm", new { choice = Choice.Agree }))
            .ShouldBe<PaperReceipt>(HttpStatusCode.OK);
        Assert.Equal(BallotKeys.Receipt(vote.Id, "agree", 10000, receipt.ReceiptCode), receipt.Receipt);
        Assert.Equal(new Totals(10000, 1), (await _world.Get(vote.Id)).Counts!.Agree);
        await (await second.PostJson($"/api/v1/paper-ballots/{entry.Id}/confirm", new { choice = Choice.Agree }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "paper_entry_already_confirmed");

        var logged = await api.WithDb(db => db.PaperBallotEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        Assert.Equal(PaperEntryStatus.Confirmed, logged.Status);
        Assert.NotNull(logged.ConfirmedBy);
        Assert.NotEqual(logged.EnteredBy, logged.ConfirmedBy);
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_naming_the_old_one_and_replaces_its_ballot()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var (first, second) = await _world.Committee(community.Id);
        var vote = await _world.OpenVote(community.Id, showCounts: true);
        var party = community.Parties[0].Id;
        var wrong = await Enter(first, vote.Id, party, Choice.Agree);
        await second.PostJson($"/api/v1/paper-ballots/{wrong.Id}/confirm", new { choice = Choice.Agree });

        var correction = await Enter(second, vote.Id, party, Choice.Oppose, corrects: wrong.Id);
        await (await first.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", new { partyId = party, choice = Choice.Abstain, correctsEntryId = wrong.Id }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "correction_exists");
        var corrected = await (await first.PostJson($"/api/v1/paper-ballots/{correction.Id}/confirm", new { choice = Choice.Oppose }))
            .ShouldBe<PaperReceipt>(HttpStatusCode.OK);
        Assert.True(corrected.Replaced);

        var counts = (await _world.Get(vote.Id)).Counts!;
        Assert.Equal(default, counts.Agree);
        Assert.Equal(new Totals(10000, 1), counts.Oppose);
        // Both entries stay, unchanged but for the confirmation: nothing is overwritten.
        var entries = await api.WithDb(db => db.PaperBallotEntries.AsNoTracking().Where(e => e.VoteId == vote.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Equal("agree", entries.Single(e => e.Id == wrong.Id).PendingChoiceCode);
    }

    [Fact]
    public async Task A_party_that_voted_online_cannot_also_vote_on_paper_and_vice_versa()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var (first, second) = await _world.Committee(community.Id);
        var vote = await _world.OpenVote(community.Id);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        await (await first.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", new { partyId = community.Parties[0].Id, choice = Choice.Oppose }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_voted");

        var paper = await Enter(first, vote.Id, community.Parties[1].Id, Choice.Oppose);
        await second.PostJson($"/api/v1/paper-ballots/{paper.Id}/confirm", new { choice = Choice.Oppose });
        await (await VotingWorld.Cast(community.Parties[1].Voter.Client, vote.Id, new { choice = Choice.Agree }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_voted");
    }

    [Fact]
    public async Task Only_committee_members_of_the_community_enter_paper_ballots()
    {
        var community = await _world.Community(Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var body = new { partyId = community.Parties[0].Id, choice = Choice.Agree };
        await (await (await _world.Officer()).PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await community.Parties[0].Voter.Client.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await api.ClientFor("committee-a")).PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", body)).ShouldBeProblem(HttpStatusCode.NotFound);
        var (first, _) = await _world.Committee(community.Id);
        await (await first.PostJson($"/api/v1/votes/{vote.Id}/paper-ballots", new { partyId = Guid.NewGuid(), choice = Choice.Agree }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "party_not_in_roll");
    }

    private static StringContent Pdf() => new("%PDF-1.4 授权委托书 签字", System.Text.Encoding.UTF8, "application/pdf");

    [Fact]
    public async Task An_approved_proxy_casts_for_the_party_and_the_owner_then_cannot()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var owner = community.Parties[0].Voter;
        var (proxyClient, proxyUserId) = await _world.NewUser();

        var proxy = await (await owner.Client.PostAsync($"/api/v1/votes/{vote.Id}/proxies?partyId={community.Parties[0].Id}&proxyUserId={proxyUserId}", Pdf()))
            .ShouldBe<ProxyView>(HttpStatusCode.Created);
        Assert.Equal(ProxyStatus.Pending, proxy.Status);
        // Not yet approved: the proxy cannot see the vote (not a resident) and cannot cast.
        await (await VotingWorld.Cast(proxyClient, vote.Id, new { choice = Choice.Agree, partyId = community.Parties[0].Id }))
            .ShouldBeProblem(HttpStatusCode.NotFound);

        var officer = await _world.Officer();
        var document = await officer.GetAsync($"/api/v1/proxies/{proxy.Id}/document");
        Assert.Equal("application/pdf", document.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/proxies/{proxy.Id}/approve", null)).StatusCode);

        var ballot = await (await VotingWorld.Cast(proxyClient, vote.Id, new { choice = Choice.Agree, partyId = community.Parties[0].Id }))
            .ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        Assert.NotEmpty(ballot.Receipt);
        await (await VotingWorld.Cast(owner.Client, vote.Id, new { choice = Choice.Oppose })).ShouldBeProblem(HttpStatusCode.Conflict, "already_voted");
        var participants = await (await officer.GetAsync($"/api/v1/votes/{vote.Id}/participants"))
            .ShouldBe<Renovation.Community.Application.Common.Paging.Page<Participant>>(HttpStatusCode.OK);
        Assert.Equal(BallotChannel.Proxy, participants.Items.Single().Channel);
    }

    [Fact]
    public async Task While_an_approved_proxy_stands_the_owner_does_not_vote_until_withdrawing_it()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var owner = community.Parties[0].Voter;
        var partyId = community.Parties[0].Id;
        var (proxyClient, proxyUserId) = await _world.NewUser();
        var proxy = await (await owner.Client.PostAsync($"/api/v1/votes/{vote.Id}/proxies?partyId={partyId}&proxyUserId={proxyUserId}", Pdf()))
            .ShouldBe<ProxyView>(HttpStatusCode.Created);
        var officer = await _world.Officer();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/proxies/{proxy.Id}/approve", null)).StatusCode);

        await (await VotingWorld.Cast(owner.Client, vote.Id, new { choice = Choice.Oppose })).ShouldBeProblem(HttpStatusCode.Conflict, "proxy_stands");
        var status = await (await owner.Client.GetAsync($"/api/v1/votes/{vote.Id}/my-status")).ShouldBe<List<MyVotingParty>>(HttpStatusCode.OK);
        Assert.Equal(proxy.Id, status.Single().StandingProxyId);
        Assert.Equal(0, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));

        // Only an owner of the party withdraws; then the owner votes and the proxy no longer may.
        await (await proxyClient.PostAsync($"/api/v1/proxies/{proxy.Id}/withdraw", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var withdrawn = await (await owner.Client.PostAsync($"/api/v1/proxies/{proxy.Id}/withdraw", null)).ShouldBe<ProxyView>(HttpStatusCode.OK);
        Assert.Equal(ProxyStatus.Withdrawn, withdrawn.Status);
        status = await (await owner.Client.GetAsync($"/api/v1/votes/{vote.Id}/my-status")).ShouldBe<List<MyVotingParty>>(HttpStatusCode.OK);
        Assert.Null(status.Single().StandingProxyId);
        await (await VotingWorld.Cast(owner.Client, vote.Id, new { choice = Choice.Oppose })).ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        await (await VotingWorld.Cast(proxyClient, vote.Id, new { choice = Choice.Agree, partyId })).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(1, await api.WithDb(db => db.Ballots.CountAsync(b => b.VoteId == vote.Id)));
    }

    [Fact]
    public async Task A_proxy_needs_a_real_document_from_a_bound_owner()
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var (_, proxyUserId) = await _world.NewUser();
        var url = $"/api/v1/votes/{vote.Id}/proxies?partyId={community.Parties[0].Id}&proxyUserId={proxyUserId}";
        var before = await RowCounts.Settled(api);
        await (await community.Parties[0].Voter.Client.PostAsync(url, new StringContent("<html>not a pdf</html>", System.Text.Encoding.UTF8, "application/pdf")))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
        await (await community.Parties[1].Voter.Client.PostAsync(url, Pdf())).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await community.Parties[0].Voter.Client.PostAsync($"/api/v1/votes/{vote.Id}/proxies?partyId={community.Parties[0].Id}&proxyUserId={Guid.NewGuid()}", Pdf()))
            .ShouldBeProblem(HttpStatusCode.NotFound, "user_not_found");
        Assert.Equal(before, await RowCounts.Of(api));
        Assert.Equal(0, await api.WithDb(db => db.ProxyAuthorizations.CountAsync(p => p.VoteId == vote.Id)));
    }

    [Fact]
    public async Task Rejecting_a_proxy_needs_a_reason_and_only_the_convener_decides()
    {
        var community = await _world.Community(Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var (_, proxyUserId) = await _world.NewUser();
        var proxy = await (await community.Parties[0].Voter.Client.PostAsync(
                $"/api/v1/votes/{vote.Id}/proxies?partyId={community.Parties[0].Id}&proxyUserId={proxyUserId}", Pdf()))
            .ShouldBe<ProxyView>(HttpStatusCode.Created);
        await (await community.Parties[0].Voter.Client.PostAsync($"/api/v1/proxies/{proxy.Id}/approve", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var officer = await _world.Officer();
        await (await officer.PostJson($"/api/v1/proxies/{proxy.Id}/reject", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var rejected = await (await officer.PostJson($"/api/v1/proxies/{proxy.Id}/reject", new { reason = "委托书未签字" })).ShouldBe<ProxyView>(HttpStatusCode.OK);
        Assert.Equal(ProxyStatus.Rejected, rejected.Status);
        await (await officer.PostAsync($"/api/v1/proxies/{proxy.Id}/approve", null)).ShouldBeProblem(HttpStatusCode.Conflict, "proxy_already_decided");
    }
}
