using System.Net;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

public sealed class ConveneAndLiveTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private object Body(DateTimeOffset opensAt, DateTimeOffset closesAt, object? overrides = null) => new
    {
        title = "关于续筹维修资金的表决",
        matter = Matter.RaiseMaintenanceFund,
        kind = VoteKind.Motion,
        secrecy = Secrecy.Named,
        showCountsBeforeClose = false,
        opensAt,
        closesAt,
    };

    [Fact]
    public async Task A_vote_must_be_announced_fifteen_days_ahead()
    {
        var community = await _world.Community(Owner(10000));
        var officer = await _world.Officer();
        var now = api.Clock.GetUtcNow();
        var before = await RowCounts.Settled(api);
        await (await officer.PostJson($"/api/v1/communities/{community.Id}/votes", Body(now.AddDays(14), now.AddDays(20))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        Assert.Equal(before, await RowCounts.Of(api));
        Assert.Equal(HttpStatusCode.Created,
            (await officer.PostJson($"/api/v1/communities/{community.Id}/votes", Body(now.AddDays(17), now.AddDays(20)))).StatusCode);
    }

    [Theory]
    [InlineData("{\"title\":\"\",\"matter\":\"OtherMajorMatter\",\"kind\":\"Motion\",\"secrecy\":\"Named\",\"opensAt\":\"2099-01-02T00:00:00Z\",\"closesAt\":\"2099-01-01T00:00:00Z\"}", "validation_failed")]
    [InlineData("{\"title\":\"t\",\"matter\":\"Mayor\",\"kind\":\"Motion\",\"secrecy\":\"Named\",\"opensAt\":\"2099-01-01T00:00:00Z\",\"closesAt\":\"2099-01-02T00:00:00Z\"}", "invalid_request")]
    [InlineData("{\"title\":\"t\",\"matter\":10,\"kind\":\"Motion\",\"secrecy\":\"Named\",\"opensAt\":\"2099-01-01T00:00:00Z\",\"closesAt\":\"2099-01-02T00:00:00Z\"}", "validation_failed")]
    public async Task Convening_bad_input_is_400_and_writes_nothing(string body, string code)
    {
        var community = await _world.Community(Owner(10000));
        var before = await RowCounts.Settled(api);
        var response = await (await _world.Officer()).PostAsync($"/api/v1/communities/{community.Id}/votes",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Election_and_secrecy_rules_are_checked_when_convening()
    {
        var community = await _world.Community(Owner(10000));
        var officer = await _world.Officer();
        var now = api.Clock.GetUtcNow();
        var url = $"/api/v1/communities/{community.Id}/votes";
        await (await officer.PostJson(url, new { title = "选举", matter = Matter.ElectCommittee, kind = VoteKind.Election, secrecy = Secrecy.Secret,
                opensAt = now.AddDays(16), closesAt = now.AddDays(20), seats = 3, candidates = await _world.Candidates(community.Id, "甲", "乙") }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "election_seats_invalid");
        await (await officer.PostJson(url, new { title = "表决", matter = Matter.OtherMajorMatter, kind = VoteKind.Motion, secrecy = Secrecy.Secret,
                showCountsBeforeClose = true, opensAt = now.AddDays(16), closesAt = now.AddDays(20) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "secret_vote_counts_hidden");
        await (await officer.PostJson(url, new { title = "表决", matter = Matter.RebuildBuildings, kind = VoteKind.Motion, secrecy = Secrecy.Named,
                opensAt = now.AddDays(16), closesAt = now.AddDays(20), planId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "plan_not_found");
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("property-a")]
    [InlineData("committee-b")]
    public async Task Only_the_committee_or_the_street_convenes(string who)
    {
        var community = await _world.Community(Owner(10000));
        var client = who == "resident" ? community.Parties[0].Voter.Client : await api.ClientFor(who);
        var now = api.Clock.GetUtcNow();
        var response = await client.PostJson($"/api/v1/communities/{community.Id}/votes", Body(now.AddDays(16), now.AddDays(20)));
        await response.ShouldBeProblem(who == "resident" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_vote_can_be_cancelled_before_it_opens_but_not_after()
    {
        var community = await _world.Community(Owner(10000));
        var officer = await _world.Officer();
        var first = await _world.Convene(community.Id);
        var cancelled = await (await officer.PostAsync($"/api/v1/votes/{first.Id}/cancel", null)).ShouldBe<VoteView>(HttpStatusCode.OK);
        Assert.Equal(VoteState.Cancelled, cancelled.State);
        var open = await _world.OpenVote(community.Id);
        await (await officer.PostAsync($"/api/v1/votes/{open.Id}/cancel", null)).ShouldBeProblem(HttpStatusCode.Conflict, "vote_cannot_cancel");
        // The cancelled vote never opened, although its time passed.
        Assert.Equal(VoteState.Cancelled, (await _world.Get(first.Id)).State);
    }

    [Fact]
    public async Task Silence_counted_as_consent_cannot_be_switched_on()
    {
        var community = await _world.Community(Owner(10000));
        var officer = await _world.Officer();
        var url = $"/api/v1/communities/{community.Id}/voting-settings";
        await (await officer.PutJson(url, new { lastBallotWins = false, resultPublicityDays = 7, silenceCountsAsConsent = true }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "silence_consent_unsupported");
        await (await community.Parties[0].Voter.Client.PutJson(url, new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        var settings = await (await community.Parties[0].Voter.Client.GetAsync(url)).ShouldBe<VotingSettingsView>(HttpStatusCode.OK);
        Assert.False(settings.LastBallotWins);
        Assert.False(settings.SilenceCountsAsConsent);
    }

    [Fact]
    public async Task The_list_of_votes_shows_the_turnout_of_open_votes_as_the_single_view_does()
    {
        var community = await _world.Community(Owner(10000), Owner(20000), Owner(30000));
        var first = await _world.Convene(community.Id);
        var second = await _world.Convene(community.Id);
        api.Clock.Advance(second.OpensAt - api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await _world.Sweep();
        await VotingWorld.Agree(community.Parties[0].Voter, first.Id);
        await VotingWorld.Agree(community.Parties[1].Voter, second.Id);
        await VotingWorld.Agree(community.Parties[2].Voter, second.Id, Choice.Oppose);
        var scheduled = await _world.Convene(community.Id);

        var list = await (await community.Parties[0].Voter.Client.GetAsync($"/api/v1/communities/{community.Id}/votes?pageSize=50"))
            .ShouldBe<Page<VoteView>>(HttpStatusCode.OK);
        foreach (var vote in new[] { first, second })
        {
            var listed = Assert.Single(list.Items, v => v.Id == vote.Id);
            var single = await _world.Get(vote.Id);
            Assert.NotNull(listed.Participating);
            Assert.Equal(single.Participating, listed.Participating);
            Assert.Equal(single.Electorate, listed.Electorate);
        }
        Assert.Equal(new Totals(10000, 1), Assert.Single(list.Items, v => v.Id == first.Id).Participating);
        Assert.Equal(new Totals(50000, 2), Assert.Single(list.Items, v => v.Id == second.Id).Participating);
        // Before it opens a vote has no turnout, in the list as in the single view.
        Assert.Null(Assert.Single(list.Items, v => v.Id == scheduled.Id).Participating);
    }

    [Fact]
    public async Task Residents_see_live_turnout_over_the_hub()
    {
        var community = await _world.Community(Owner(10000), Owner(20000));
        var vote = await _world.OpenVote(community.Id);
        var watcher = community.Parties[1].Voters[0];
        var token = await LoginToken();
        var (hub, inbox) = await LiveEvents.ConnectAsync(api.ServerAddress, () => Task.FromResult<string?>(token));
        await using var _ = hub;

        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        EventEnvelope turnout;
        do
            turnout = await inbox.Reader.ReadAsync(timeout.Token);
        while (turnout.Kind != "vote.turnout");
        Assert.Equal(vote.Id, turnout.Payload.GetProperty("voteId").GetGuid());
        Assert.Equal(1, turnout.Payload.GetProperty("participating").GetProperty("heads").GetInt64());
        Assert.Equal(10000, turnout.Payload.GetProperty("participating").GetProperty("area").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, turnout.Payload.GetProperty("counts").ValueKind);

        async Task<string> LoginToken()
        {
            // The watcher's client attaches its token per request; read one for the hub.
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            var response = await watcher.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return request.Headers.Authorization!.Parameter!;
        }
    }
}
