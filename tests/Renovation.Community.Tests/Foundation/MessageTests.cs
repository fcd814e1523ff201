using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Foundation;

/// <summary>Every refusal names the field or parameter and says what is wrong with it; timestamps have one precision.</summary>
public sealed partial class MessageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(HttpClient Officer, Guid CommunityId, Guid BuildingId, Guid PartyId)> Register()
    {
        var demo = await Demo.Of(api);
        var (buildingId, partyId) = await api.WithDb(async db =>
            (await db.Buildings.Where(b => b.CommunityId == demo.CommunityA).Select(b => b.Id).FirstAsync(),
             await db.OwnerParties.Where(p => p.CommunityId == demo.CommunityA).Select(p => p.Id).FirstAsync()));
        return (await api.ClientFor("street-officer"), demo.CommunityA, buildingId, partyId);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_area_above_the_maximum_is_called_out_of_range_not_too_small()
    {
        var (officer, communityId, buildingId, partyId) = await Register();
        var problem = await (await officer.PostAsync($"/api/v1/communities/{communityId}/units", Json(
                $"{{\"buildingId\":\"{buildingId}\",\"number\":\"M-1\",\"exclusiveAreaHundredths\":2147483648,\"areaBasis\":\"Registered\",\"ownerPartyId\":\"{partyId}\"}}")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var message = problem.GetProperty("errors").GetProperty("exclusiveAreaHundredths")[0].GetString()!;
        Assert.Contains("超出范围", message);
        Assert.Contains("100000000", message);
        Assert.Contains("2147483648", message);
        Assert.DoesNotContain("必须大于 0", message);
        Assert.Contains("exclusiveAreaHundredths", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"buildingId\":\"{b}\",\"number\":\"M-2\",\"exclusiveAreaHundredths\":\"大\",\"areaBasis\":\"Registered\",\"ownerPartyId\":\"{p}\"}", "exclusiveAreaHundredths", "整数")]
    [InlineData("{\"buildingId\":\"{b}\",\"number\":\"M-2\",\"exclusiveAreaHundredths\":100,\"areaBasis\":\"Leased\",\"ownerPartyId\":\"{p}\"}", "areaBasis", "Registered")]
    [InlineData("{\"buildingId\":\"not-a-guid\",\"number\":\"M-2\",\"exclusiveAreaHundredths\":100,\"areaBasis\":\"Registered\",\"ownerPartyId\":\"{p}\"}", "buildingId", "GUID")]
    public async Task A_json_body_error_names_the_json_path_and_the_type_it_should_have(string body, string field, string expected)
    {
        var (officer, communityId, buildingId, partyId) = await Register();
        var problem = await (await officer.PostAsync($"/api/v1/communities/{communityId}/units",
                Json(body.Replace("{b}", buildingId.ToString()).Replace("{p}", partyId.ToString()))))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(field, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").GetProperty(field)[0].GetString()!.Contains(expected), problem.ToString());
    }

    [Fact]
    public async Task A_nested_json_error_names_the_path_into_the_array()
    {
        var (officer, communityId, _, _) = await Register();
        var problem = await (await officer.PostAsync($"/api/v1/communities/{communityId}/owner-parties",
                Json("{\"kind\":\"Person\",\"members\":[{\"name\":\"某\",\"idLast4\":1234}]}")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal("members[0].idLast4", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/v1/communities/{c}/votes?state=Maybe", "state", "Scheduled")]
    [InlineData("/api/v1/communities/{c}/units?buildingId=x", "buildingId", "GUID")]
    [InlineData("/api/v1/communities/{c}/register/download?format=pdf", "format", "xlsx")]
    public async Task A_bad_query_parameter_is_invalid_query_naming_the_parameter(string url, string parameter, string expected)
    {
        var (officer, communityId, _, _) = await Register();
        var problem = await (await officer.GetAsync(url.Replace("{c}", communityId.ToString())))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("JSON", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!.Contains(expected), problem.ToString());
    }

    [Fact]
    public async Task A_motion_choice_on_an_election_says_so_instead_of_counting_candidates()
    {
        var world = new VotingWorld(api);
        var community = await world.Community(PartySpec.Owner(10000), PartySpec.Owner(10000));
        var vote = await world.OpenVote(community.Id, Matter.ElectCommittee, Secrecy.Secret, kind: VoteKind.Election,
            candidates: ["王主任", "李委员", "张委员"], seats: 2);

        var problem = await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = "Agree" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "ballot_choice_invalid");

        Assert.Equal("choice", problem.GetProperty("field").GetString());
        Assert.DoesNotContain("最多选择", problem.GetProperty("detail").GetString());
        Assert.Contains("candidateIds", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_timestamp_reads_the_same_from_the_post_the_get_and_the_database_to_the_millisecond()
    {
        var world = new VotingWorld(api);
        var community = await world.Community(PartySpec.Owner(10000));
        var officer = await api.ClientFor("street-officer");
        var opensAt = api.Clock.GetUtcNow().AddDays(17).AddTicks(1234567 - api.Clock.GetUtcNow().Ticks % 10_000_000);
        var posted = await officer.PostJson($"/api/v1/communities/{community.Id}/votes", new
        {
            title = "精度表决", description = "时间精度", matter = "OtherMajorMatter", kind = "Motion", secrecy = "Named",
            opensAt, closesAt = opensAt.AddDays(10),
        });
        var created = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = created.GetProperty("id").GetGuid();
        var read = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/votes/{id}")).RootElement;

        foreach (var name in new[] { "opensAt", "closesAt" })
        {
            var fromPost = created.GetProperty(name).GetString()!;
            Assert.Matches(Millisecond(), fromPost);
            Assert.Equal(fromPost, read.GetProperty(name).GetString());
        }
        var stored = await api.WithDb(db => db.Votes.Where(v => v.Id == id).Select(v => v.OpensAt).SingleAsync());
        Assert.Equal(Timestamps.Truncate(opensAt), stored);
        Assert.Equal(created.GetProperty("opensAt").GetDateTimeOffset(), stored);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$")]
    private static partial Regex Millisecond();
}
