using System.Net;
using System.Text;
using System.Text.Json;
using Renovation.Community.Application.Common.Text;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Foundation;

/// <summary>Inputs a careless or hostile client sends: refused with a coded 400/422 naming the field, nothing written.</summary>
public sealed class InputHardeningTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<JsonElement> Refused(HttpClient client, HttpMethod method, string url, string json, HttpStatusCode status, string code)
    {
        var before = await RowCounts.Settled(api);
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        var problem = await response.ShouldBeProblem(status, code);
        Assert.Equal(before, await RowCounts.Of(api));
        return problem;
    }

    [Theory]
    [InlineData("{\"name\":\"某区\",\"code\":null}")]
    [InlineData("{\"name\":\"某区\"}")]
    public async Task A_district_without_a_code_is_a_400_naming_the_field(string json)
    {
        var admin = await api.ClientFor("city-admin");
        var problem = await Refused(admin, HttpMethod.Post, "/api/v1/districts", json, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _), problem.ToString());
    }

    [Fact]
    public async Task Enum_numbers_that_name_no_member_are_refused()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var unitId = await api.WithDb(db => Task.FromResult(db.Units.First(u => u.CommunityId == demo.CommunityA).Id));
        var problem = await Refused(officer, HttpMethod.Put, $"/api/v1/units/{unitId}",
            "{\"exclusiveAreaHundredths\":8000,\"areaBasis\":99}", HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("areaBasis", out _), problem.ToString());
        problem = await Refused(officer, HttpMethod.Post, $"/api/v1/communities/{demo.CommunityA}/owner-parties",
            "{\"kind\":42,\"members\":[{\"name\":\"钱九\",\"idLast4\":\"4321\"}]}", HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _), problem.ToString());
    }

    [Theory]
    [InlineData("1幢\\u0000")]
    [InlineData("\\u202E幢1")]
    [InlineData("幢\\u2066x\\u2069")]
    public async Task Names_with_NUL_or_bidi_controls_are_refused(string name)
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var problem = await Refused(officer, HttpMethod.Post, $"/api/v1/communities/{demo.CommunityA}/buildings",
            $"{{\"name\":\"{name}\"}}", HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
        // Nested: a party member's name.
        await Refused(officer, HttpMethod.Post, $"/api/v1/communities/{demo.CommunityA}/owner-parties",
            $"{{\"kind\":\"Person\",\"members\":[{{\"name\":\"{name}\",\"idLast4\":\"4321\"}}]}}", HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task An_election_ballot_naming_one_candidate_twice_is_refused()
    {
        var world = new VotingWorld(api);
        var community = await world.Community(Owner(10000), Owner(10000));
        var vote = await world.OpenVote(community.Id, Matter.ElectCommittee, kind: VoteKind.Election, candidates: ["甲", "乙", "丙"], seats: 3);
        var candidate = vote.Candidates[0].Id;
        var before = await RowCounts.Settled(api);
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { candidateIds = new[] { candidate, candidate, candidate } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "ballot_choice_invalid");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Answers_carry_no_store_nosniff_and_deny_and_do_not_name_the_server()
    {
        var resident = await api.ClientFor("resident-a");
        var me = await resident.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.True(me.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Equal("nosniff", Assert.Single(me.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(me.Headers.GetValues("X-Frame-Options")));
        Assert.False(me.Headers.Contains("Server"));
        var problem = await resident.GetAsync($"/api/v1/communities/{Guid.NewGuid()}");
        Assert.True(problem.Headers.CacheControl?.NoStore);
        Assert.False(problem.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+86 138", "\"'+86 138\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("王五", "\"王五\"")]
    public void Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(string value, string cell) =>
        Assert.Equal(cell, CsvCell.Format(value));
}

public sealed class RateLimitAnswerTests(TightLoginLimitFactoryForHeaders api) : IClassFixture<TightLoginLimitFactoryForHeaders>
{
    [Fact]
    public async Task A_429_names_its_type_and_says_when_to_retry()
    {
        using var client = api.CreateClient();
        HttpResponseMessage response;
        var i = 0;
        do
            response = await client.PostJson("/api/v1/auth/wechat-login", new { code = $"rl-{i++}" });
        while (response.StatusCode != HttpStatusCode.TooManyRequests && i < 10);
        var problem = await response.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
    }
}

public sealed class TightLoginLimitFactoryForHeaders : ApiFactory
{
    // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
    protected override bool SharesSeededTemplate => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Auth:LoginPermitsPerMinute"] = "2" };
}
