using System.Net;
using System.Text;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

/// <summary>Voting endpoints not covered by their own tests, each with input a client could get wrong: a coded problem, nothing written.</summary>
public sealed class VotingBadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    public static TheoryData<string, string, string, string, HttpStatusCode, string> Cases() => new()
    {
        // who, method, path, JSON body, expected status and code
        { "officer", "PUT", "/api/v1/communities/{c}/voting-settings", "{\"lastBallotWins\":true,\"resultPublicityDays\":0,\"silenceCountsAsConsent\":false}", HttpStatusCode.BadRequest, "validation_failed" },
        { "officer", "PUT", "/api/v1/communities/{c}/voting-settings", "[]", HttpStatusCode.BadRequest, "invalid_request" },
        { "officer", "GET", "/api/v1/communities/{c}/votes?state=Maybe", "", HttpStatusCode.BadRequest, "invalid_query" },
        { "officer", "GET", "/api/v1/votes/{v}/participants?pageSize=0", "", HttpStatusCode.BadRequest, "validation_failed" },
        { "officer", "GET", "/api/v1/votes/{v}/non-voters?page=0", "", HttpStatusCode.BadRequest, "validation_failed" },
        { "officer", "GET", "/api/v1/votes/{random}", "", HttpStatusCode.NotFound, "vote_not_found" },
        { "officer", "POST", "/api/v1/votes/{random}/cancel", "", HttpStatusCode.NotFound, "vote_not_found" },
        { "officer", "POST", "/api/v1/proxies/{random}/approve", "", HttpStatusCode.NotFound, "proxy_not_found" },
        { "officer", "POST", "/api/v1/votes/{v}/proxies", "%PDF-1.4", HttpStatusCode.BadRequest, "invalid_query" },
        { "member", "POST", "/api/v1/votes/{v}/paper-ballots", "{\"partyId\":\"00000000-0000-0000-0000-000000000000\",\"choice\":\"Agree\"}", HttpStatusCode.BadRequest, "validation_failed" },
        { "member", "POST", "/api/v1/votes/{v}/paper-ballots", "{\"partyId\":\"{party}\",\"choice\":\"Perhaps\"}", HttpStatusCode.BadRequest, "invalid_request" },
        { "member", "POST", "/api/v1/paper-ballots/{random}/confirm", "{\"choice\":\"Agree\"}", HttpStatusCode.NotFound, "paper_entry_not_found" },
        { "member", "POST", "/api/v1/paper-ballots/{random}/confirm", "{\"choice\":\"Agree\",\"replacesReceiptCode\":\"bad code!\"}", HttpStatusCode.BadRequest, "validation_failed" },
        { "voter", "POST", "/api/v1/votes/{v}/ballots", "{\"choice\":\"Agree\",\"replacesKey\":\"short\"}", HttpStatusCode.BadRequest, "validation_failed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_coded_problem_and_writes_nothing(string who, string method, string path, string body, HttpStatusCode status,
        string code)
    {
        var community = await _world.Community(Owner(10000), Owner(10000));
        var (member, _) = await _world.Committee(community.Id);
        var vote = await _world.OpenVote(community.Id);
        string Fill(string s) => s.Replace("{c}", community.Id.ToString()).Replace("{v}", vote.Id.ToString())
            .Replace("{random}", Guid.NewGuid().ToString()).Replace("{party}", community.Parties[0].Id.ToString());
        var client = who switch
        {
            "officer" => await _world.Officer(),
            "member" => member,
            _ => community.Parties[0].Voter.Client,
        };
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (body.Length > 0)
            request.Content = new StringContent(Fill(body), Encoding.UTF8, body.StartsWith("%PDF") ? "application/pdf" : "application/json");
        request.Headers.Add("Idempotency-Key", VotingWorld.NewKey());

        var before = await RowCounts.Settled(api);
        await (await client.SendAsync(request)).ShouldBeProblem(status, code);
        Assert.Equal(before, await RowCounts.Of(api));
    }
}
