using System.Net;
using System.Text.Json;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Audit;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Audit;

/// <summary>A committee and its street read their community's audit log; entries name enums and jobs.</summary>
public sealed class CommunityAuditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    private async Task<Page<AuditView>> Read(HttpClient client, Guid communityId, string query = "") =>
        await (await client.GetAsync($"/api/v1/communities/{communityId}/audit?pageSize=100{query}")).ShouldBe<Page<AuditView>>(HttpStatusCode.OK);

    [Fact]
    public async Task A_committee_and_its_street_read_their_communitys_entries_and_nobody_elses()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PutJson($"/api/v1/communities/{demo.CommunityB}",
            new { streetId = demo.StreetId, name = "和平新村", address = "和平路 20 号", builtYear = 1998, propertyCompanyId = demo.CompanyB })).StatusCode);

        foreach (var reader in new[] { "committee-b", "chair-b", "street-officer" })
        {
            var page = await Read(await api.ClientFor(reader), demo.CommunityB, $"&entityType=ResidentialCommunity&entityId={demo.CommunityB}");
            var entry = page.Items[0];
            Assert.Equal("updated", entry.Action);
            Assert.Equal(demo.CommunityB, entry.CommunityId);
            Assert.StartsWith("user:", entry.Actor);
        }
        // Every entry read is the community's own.
        Assert.All((await Read(await api.ClientFor("committee-b"), demo.CommunityB)).Items, e => Assert.Equal(demo.CommunityB, e.CommunityId));
        // Another community's committee does not see the community at all; a resident may not read the log.
        await (await (await api.ClientFor("committee-a")).GetAsync($"/api/v1/communities/{demo.CommunityB}/audit")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await api.ClientFor("resident-b")).GetAsync($"/api/v1/communities/{demo.CommunityB}/audit")).ShouldBeProblem(HttpStatusCode.Forbidden);
        // A street officer of another street does not see it either.
        var (otherStreet, _, _) = await Demo.AddOtherStreet(api);
        var (stranger, strangerId) = await _world.NewUser();
        await api.WithDb(async db =>
        {
            db.RoleGrants.Add(new Renovation.Community.Application.Features.Identity.RoleGrant(strangerId,
                Renovation.Community.Application.Common.Authorization.Role.StreetOfficer, otherStreet, api.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        await (await stranger.GetAsync($"/api/v1/communities/{demo.CommunityB}/audit")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Entries_name_enums_and_the_scheduled_job_that_acted()
    {
        var community = await _world.Community(PartySpec.Owner(10000));
        var vote = await _world.OpenVote(community.Id);
        var entries = (await Read(await _world.Officer(), community.Id, $"&entityType=Vote&entityId={vote.Id}")).Items;

        var created = Assert.Single(entries, e => e.Action == "created");
        var after = JsonDocument.Parse(created.After!).RootElement;
        Assert.Equal("Scheduled", after.GetProperty("State").GetString());
        Assert.Equal("OtherMajorMatter", after.GetProperty("Matter").GetString());
        Assert.StartsWith("user:", created.Actor);

        // The sweep opened it: no user, the job by name.
        var opened = Assert.Single(entries, e => e.Action == "updated"
            && JsonDocument.Parse(e.After!).RootElement.GetProperty("State").GetString() == "Open");
        Assert.Null(opened.ActorUserId);
        Assert.Equal("job:VotingSweep", opened.Actor);
        Assert.Equal("Scheduled", JsonDocument.Parse(opened.Before!).RootElement.GetProperty("State").GetString());
    }
}
