using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Places;

/// <summary>Merging an owner registered twice and removing an empty party keep the register's head count true.</summary>
public sealed class OwnerPartyMaintenanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "building,unit,area_m2,area_basis,certificate_no,party_kind,owners,id_last4";

    private async Task<Guid> CommunityWith(string rows)
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var community = await (await officer.PostJson("/api/v1/communities",
                new { streetId = demo.StreetId, name = "合并小区" + Guid.NewGuid().ToString("N")[..6], address = "合并路 1 号", builtYear = 1995 }))
            .ShouldBe<CommunityView>(HttpStatusCode.Created);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\n{rows}"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await (await officer.PostAsync($"/api/v1/communities/{community.Id}/register/import", content)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        return community.Id;
    }

    private Task<Guid> PartyOf(Guid communityId, string name) => api.WithDb(db =>
        db.OwnerParties.Where(p => p.CommunityId == communityId && p.Name == name).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task A_duplicate_party_merges_into_the_other_with_its_units_and_later_imports_of_its_spelling_join_too()
    {
        var communityId = await CommunityWith("1幢,101,80,,证1,person,张三,1234\n1幢,102,70,,证2,person,张叁,1234\n");
        var typo = await PartyOf(communityId, "张叁");
        var right = await PartyOf(communityId, "张三");
        var unitOfTypo = await api.WithDb(db => db.Units.Where(u => u.OwnerPartyId == typo).Select(u => u.Id).SingleAsync());
        var officer = await api.ClientFor("street-officer");

        var merged = await (await officer.PostJson($"/api/v1/owner-parties/{typo}/merge", new { intoPartyId = right, reason = "同一人，姓名录入有误" }))
            .ShouldBe<PartyMergeView>(HttpStatusCode.OK);

        Assert.Equal((right, 2, 15000L), (merged.Party.Id, merged.Party.Units, merged.Party.AreaHundredths));
        Assert.Equal((typo, "张叁", 1, "同一人，姓名录入有误"), (merged.MergedPartyId, merged.MergedPartyName, merged.UnitsMoved, merged.Reason));
        var mergeId = merged.MergeId.ToString();
        var recorded = await api.WithDb(db => db.AuditLog.SingleAsync(a => a.EntityId == mergeId && a.Action == "created"));
        Assert.Contains("同一人，姓名录入有误", recorded.After!, StringComparison.Ordinal);
        Assert.False(await api.WithDb(db => db.OwnerParties.AnyAsync(p => p.Id == typo)));
        var typoDeleted = typo.ToString();
        var movedUnit = unitOfTypo.ToString();
        Assert.True(await api.WithDb(db => db.AuditLog.AnyAsync(a => a.EntityId == typoDeleted && a.Action == "deleted")));
        var unitChange = await api.WithDb(db => db.AuditLog.Where(a => a.EntityId == movedUnit && a.Action == "updated").ToListAsync());
        Assert.Contains(unitChange, a => a.After!.Contains(right.ToString(), StringComparison.OrdinalIgnoreCase));

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\n1幢,103,50,,证3,person,张叁,1234\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var again = await (await officer.PostAsync($"/api/v1/communities/{communityId}/register/import", content))
            .ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal((0, 1), (again.OwnerPartiesCreated, again.OwnerPartiesJoined));
        Assert.Equal(3, await api.WithDb(db => db.Units.CountAsync(u => u.OwnerPartyId == right)));
    }

    [Fact]
    public async Task A_merge_without_a_reason_is_refused_and_changes_nothing()
    {
        var communityId = await CommunityWith("1幢,101,80,,证1,person,赵六,1234\n1幢,102,70,,证2,person,赵陆,1234\n");
        var typo = await PartyOf(communityId, "赵陆");
        var right = await PartyOf(communityId, "赵六");
        var officer = await api.ClientFor("street-officer");
        var before = await RowCounts.Settled(api);
        foreach (var reason in new[] { null, "", "   " })
            await (await officer.PostJson($"/api/v1/owner-parties/{typo}/merge", new { intoPartyId = right, reason }))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "merge_reason_required");
        Assert.True(await api.WithDb(db => db.OwnerParties.AnyAsync(p => p.Id == typo)));
        Assert.Equal(before.Tables["OwnerPartyMerges"], (await RowCounts.Of(api)).Tables["OwnerPartyMerges"]);
    }

    [Fact]
    public async Task Parties_of_different_kinds_or_communities_do_not_merge()
    {
        var communityId = await CommunityWith("1幢,101,80,,证1,person,张三,1234\n1幢,102,70,,证2,coowners,张三;李四,1234;5678\n");
        var other = await CommunityWith("1幢,101,80,,证1,person,张三,1234\n");
        var officer = await api.ClientFor("street-officer");
        var person = await PartyOf(communityId, "张三");
        await (await officer.PostJson($"/api/v1/owner-parties/{person}/merge", new { intoPartyId = await PartyOf(communityId, "张三、李四"), reason = "测试" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "party_merge_kind_mismatch");
        await (await officer.PostJson($"/api/v1/owner-parties/{person}/merge", new { intoPartyId = await PartyOf(other, "张三"), reason = "测试" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "owner_party_not_found");
        await (await officer.PostJson($"/api/v1/owner-parties/{person}/merge", new { intoPartyId = person, reason = "测试" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "party_merge_invalid");
    }

    [Fact]
    public async Task A_party_on_the_roll_of_an_open_vote_cannot_be_merged_or_removed()
    {
        var world = new VotingWorld(api);
        var community = await world.Community(PartySpec.Owner(8000), PartySpec.Owner(9000));
        await world.OpenVote(community.Id);
        var officer = await api.ClientFor("street-officer");
        var before = await RowCounts.Settled(api);

        await (await officer.PostJson($"/api/v1/owner-parties/{community.Parties[0].Id}/merge", new { intoPartyId = community.Parties[1].Id, reason = "测试" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "party_in_open_vote");
        await api.WithDb(async db =>
        {
            await db.Units.Where(u => u.OwnerPartyId == community.Parties[0].Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.OwnerPartyId, community.Parties[1].Id));
        });
        await (await officer.DeleteAsync($"/api/v1/owner-parties/{community.Parties[0].Id}"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "party_in_open_vote");
        Assert.True(await api.WithDb(db => db.OwnerParties.AnyAsync(p => p.Id == community.Parties[0].Id)));
        Assert.Equal(before.Tables["OwnerParties"], (await RowCounts.Of(api)).Tables["OwnerParties"]);
    }

    [Fact]
    public async Task Five_simultaneous_merges_of_one_party_merge_it_once()
    {
        var communityId = await CommunityWith("1幢,101,80,,证1,person,王五,1234\n1幢,102,70,,证2,person,王 伍,1234\n");
        var typo = await PartyOf(communityId, "王 伍");
        var right = await PartyOf(communityId, "王五");
        var officer = await api.ClientFor("street-officer");
        var id = typo.ToString();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => officer.PostJson($"/api/v1/owner-parties/{typo}/merge", new { intoPartyId = right, reason = "同一人，姓名录入有误" }),
            db => db.AuditLog.CountAsync(a => a.EntityId == id && a.Action == "deleted"), HttpStatusCode.OK, HttpStatusCode.NotFound, "owner_party_not_found");
        Assert.Equal(2, await api.WithDb(db => db.Units.CountAsync(u => u.OwnerPartyId == right)));
    }

    [Fact]
    public async Task Only_an_empty_party_is_removed()
    {
        var communityId = await CommunityWith("1幢,101,80,,证1,person,张三,1234\n");
        var committee = await api.ClientFor("street-officer");
        var holder = await PartyOf(communityId, "张三");
        await (await committee.DeleteAsync($"/api/v1/owner-parties/{holder}")).ShouldBeProblem(HttpStatusCode.Conflict, "owner_party_not_empty");

        var empty = await (await committee.PostJson($"/api/v1/communities/{communityId}/owner-parties",
            new { kind = "Person", members = new[] { new { name = "空业主", idLast4 = "0000" } } })).ShouldBe<PartyView>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await committee.DeleteAsync($"/api/v1/owner-parties/{empty.Id}")).StatusCode);
        Assert.False(await api.WithDb(db => db.OwnerParties.AnyAsync(p => p.Id == empty.Id)));
        Assert.False(await api.WithDb(db => db.OwnerPartyKeys.AnyAsync(k => k.OwnerPartyId == empty.Id)));
        await (await committee.DeleteAsync($"/api/v1/owner-parties/{empty.Id}")).ShouldBeProblem(HttpStatusCode.NotFound, "owner_party_not_found");
    }

    [Fact]
    public async Task The_same_owner_cannot_be_registered_twice_by_hand()
    {
        var communityId = await CommunityWith("1幢,101,80,,证1,person,张三,1234\n");
        var officer = await api.ClientFor("street-officer");
        await (await officer.PostJson($"/api/v1/communities/{communityId}/owner-parties",
                new { kind = "Person", members = new[] { new { name = " 张三", idLast4 = "1234" } } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "owner_party_exists");
    }

    [Theory]
    [InlineData("committee-a", HttpStatusCode.OK)]
    [InlineData("property-a", HttpStatusCode.Forbidden)]
    [InlineData("resident-a", HttpStatusCode.Forbidden)]
    [InlineData("committee-b", HttpStatusCode.NotFound)]
    public async Task The_committee_street_and_city_merge_parties_and_nobody_else(string caller, HttpStatusCode expected)
    {
        var demo = await Demo.Of(api);
        var (a, b) = await api.WithDb(async db =>
        {
            var first = new OwnerParty(demo.CommunityA, OwnerPartyKind.Person, "合并甲", [("合并甲" + Guid.NewGuid().ToString("N")[..4], "1234")]);
            var second = new OwnerParty(demo.CommunityA, OwnerPartyKind.Person, "合并乙", [("合并乙" + Guid.NewGuid().ToString("N")[..4], "1234")]);
            db.OwnerParties.AddRange(first, second);
            await db.SaveChangesAsync();
            return (first.Id, second.Id);
        });
        var client = await api.ClientFor(caller);
        var response = await client.PostJson($"/api/v1/owner-parties/{a}/merge", new { intoPartyId = b, reason = "测试" });
        if (expected == HttpStatusCode.OK)
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else
            await response.ShouldBeProblem(expected);
    }
}
