using System.Net;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Places;

public sealed class PlacesAdminTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task City_admin_creates_district_and_street_and_duplicates_are_409()
    {
        var city = await api.ClientFor("city-admin");
        var code = Random.Shared.Next(100000, 999999).ToString();
        var district = await (await city.PostJson("/api/v1/districts", new { name = "黄岩区", code })).ShouldBe<DistrictView>(HttpStatusCode.Created);
        await (await city.PostJson("/api/v1/districts", new { name = "黄岩区", code })).ShouldBeProblem(HttpStatusCode.Conflict, "district_exists");
        var street = await (await city.PostJson($"/api/v1/districts/{district.Id}/streets", new { name = "东城街道" }))
            .ShouldBe<StreetView>(HttpStatusCode.Created);
        Assert.Equal(district.Id, street.DistrictId);
        await (await city.PostJson($"/api/v1/districts/{district.Id}/streets", new { name = "东城街道" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "street_exists");
        await (await city.PostJson($"/api/v1/districts/{Guid.NewGuid()}/streets", new { name = "某街道" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "district_not_found");
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"code\":\"12\"}", "name", "code")]
    [InlineData("{\"name\":\"黄岩区\",\"code\":\"abcdef\"}", "code", null)]
    public async Task District_bad_input_is_400_per_field(string body, string field, string? otherField)
    {
        var city = await api.ClientFor("city-admin");
        var before = await RowCounts.Settled(api);
        var problem = await (await city.PostAsync("/api/v1/districts", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        if (otherField is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(otherField, out _));
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("street-officer")]
    [InlineData("committee-a")]
    [InlineData("resident-a")]
    public async Task Only_city_wide_admins_create_districts_and_companies(string caller)
    {
        var client = await api.ClientFor(caller);
        await (await client.PostJson("/api/v1/districts", new { name = "某区", code = "999999" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await client.PostJson("/api/v1/property-companies", new { name = "某物业" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/districts")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Street_officer_creates_and_updates_a_community_in_their_street()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var created = await (await officer.PostJson("/api/v1/communities",
                new { streetId = demo.StreetId, name = "东山新村", address = "东山路 2 号", builtYear = 1992, propertyCompanyId = demo.CompanyA }))
            .ShouldBe<CommunityView>(HttpStatusCode.Created);
        Assert.Equal("海门街道", created.Street);
        var updated = await (await officer.PutJson($"/api/v1/communities/{created.Id}",
                new { streetId = demo.StreetId, name = "东山新村", address = "东山路 4 号", builtYear = 1993 }))
            .ShouldBe<CommunityView>(HttpStatusCode.OK);
        Assert.Equal("东山路 4 号", updated.Address);
        Assert.Null(updated.PropertyCompanyId);

        await (await officer.PostJson("/api/v1/communities", new { streetId = demo.StreetId, name = "东山新村", address = "x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "community_exists");
        await (await officer.PutJson($"/api/v1/communities/{created.Id}", new { streetId = Guid.NewGuid(), name = "东山新村", address = "x" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "community_street_immutable");
        await (await officer.PostJson("/api/v1/communities", new { streetId = demo.StreetId, name = "某小区", address = "x", propertyCompanyId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "property_company_not_found");
    }

    [Fact]
    public async Task Community_bad_input_is_400_and_writes_nothing()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var before = await RowCounts.Settled(api);
        var problem = await (await officer.PostJson("/api/v1/communities",
                new { streetId = Guid.Empty, name = new string('长', 65), address = "", builtYear = 1800 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "streetId", "name", "address", "builtYear" })
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        await (await officer.PutJson($"/api/v1/communities/{demo.CommunityA}", new { streetId = demo.StreetId, name = "", address = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Committee_cannot_change_the_community_record()
    {
        var demo = await Demo.Of(api);
        var committee = await api.ClientFor("chair-a");
        await (await committee.PutJson($"/api/v1/communities/{demo.CommunityA}", new { streetId = demo.StreetId, name = "改名", address = "x" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admins_add_buildings_parties_and_units_and_can_move_a_unit_to_another_owner()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var building = await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/buildings", new { name = "10幢" }))
            .ShouldBe<BuildingView>(HttpStatusCode.Created);
        await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/buildings", new { name = "10幢" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "building_exists");

        var seller = await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/owner-parties",
            new { kind = "Person", members = new[] { new { name = "钱九", idLast4 = "4321" } } })).ShouldBe<PartyView>(HttpStatusCode.Created);
        var buyers = await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/owner-parties",
            new { kind = "CoOwners", members = new[] { new { name = "孙甲", idLast4 = "1111" }, new { name = "孙乙", idLast4 = "222x" } } }))
            .ShouldBe<PartyView>(HttpStatusCode.Created);
        Assert.Equal("孙甲、孙乙", buyers.Name);

        var unit = await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/units",
                new { buildingId = building.Id, number = "101", exclusiveAreaHundredths = 8888, areaBasis = "Surveyed", certificateNumber = "证", ownerPartyId = seller.Id }))
            .ShouldBe<UnitView>(HttpStatusCode.Created);
        await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/units",
                new { buildingId = building.Id, number = "101", exclusiveAreaHundredths = 8888, areaBasis = "Surveyed", ownerPartyId = seller.Id }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unit_exists");

        var moved = await (await officer.PutJson($"/api/v1/units/{unit.Id}",
            new { exclusiveAreaHundredths = 8890, areaBasis = "Registered", ownerPartyId = buyers.Id })).ShouldBe<UnitView>(HttpStatusCode.OK);
        Assert.Equal(buyers.Id, moved.OwnerPartyId);
        Assert.Equal(8890, moved.ExclusiveAreaHundredths);
    }

    [Fact]
    public async Task Party_rules_are_enforced()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var before = await RowCounts.Settled(api);
        await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/owner-parties",
            new { kind = "CoOwners", members = new[] { new { name = "独自一人", idLast4 = "1111" } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "party_members_invalid");
        await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/owner-parties",
            new { kind = "Developer", members = new[] { new { name = "第二开发商", idLast4 = (string?)null } } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "developer_party_exists");
        await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/owner-parties", new { kind = "Person", members = Array.Empty<object>() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Unit_bad_input_and_foreign_references_are_refused()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var before = await RowCounts.Settled(api);
        var problem = await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/units",
                new { buildingId = Guid.Empty, number = "", exclusiveAreaHundredths = 0, areaBasis = "Registered", ownerPartyId = Guid.Empty }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(4, problem.GetProperty("errors").EnumerateObject().Count());
        await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/units",
                new { buildingId = Guid.NewGuid(), number = "1", exclusiveAreaHundredths = 100, areaBasis = "Registered", ownerPartyId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "building_not_found");
        // A party of community B cannot own a unit in community A.
        var partyB = await api.WithDb(db => Task.FromResult(db.OwnerParties.First(p => p.CommunityId == demo.CommunityB).Id));
        var buildingA = await api.WithDb(db => Task.FromResult(db.Buildings.First(b => b.CommunityId == demo.CommunityA).Id));
        await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/units",
                new { buildingId = buildingA, number = "999", exclusiveAreaHundredths = 100, areaBasis = "Registered", ownerPartyId = partyB }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "owner_party_not_found");
        await (await officer.PutJson($"/api/v1/units/{Guid.NewGuid()}", new { exclusiveAreaHundredths = 100, areaBasis = "Registered", ownerPartyId = partyB }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unit_not_found");
        await (await officer.PostJson($"/api/v1/communities/{demo.CommunityA}/units",
                new { buildingId = buildingA, number = "1", exclusiveAreaHundredths = 100, areaBasis = "Leased", ownerPartyId = partyB }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Paging_is_validated()
    {
        var demo = await Demo.Of(api);
        var committee = await api.ClientFor("committee-a");
        var page = await (await committee.GetAsync($"/api/v1/communities/{demo.CommunityA}/units?page=2&pageSize=50"))
            .ShouldBe<Page<UnitView>>(HttpStatusCode.OK);
        Assert.Equal(120, page.Total);
        Assert.Equal(50, page.Items.Count);
        Assert.Equal(2, page.PageNumber);
        await (await committee.GetAsync($"/api/v1/communities/{demo.CommunityA}/units?pageSize=1000"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await committee.GetAsync($"/api/v1/communities/{demo.CommunityA}/units?page=0"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await committee.GetAsync($"/api/v1/communities/{demo.CommunityA}/units?page=abc"))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Any_signed_in_user_can_find_door_numbers_to_bind_but_no_owner_data()
    {
        var demo = await Demo.Of(api);
        using var client = api.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "newcomer" })).ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);
        var found = await (await client.GetAsync("/api/v1/communities/directory?name=幸福")).ShouldBe<Page<DirectoryEntry>>(HttpStatusCode.OK);
        Assert.Equal(demo.CommunityA, Assert.Single(found.Items).Id);
        var raw = await client.GetStringAsync($"/api/v1/communities/{demo.CommunityA}/unit-directory");
        Assert.DoesNotContain("张伟", raw);
        Assert.Contains("\"number\":\"101\"", raw);
        await (await client.GetAsync("/api/v1/communities/directory?name=幸")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.GetAsync($"/api/v1/communities/{Guid.NewGuid()}/unit-directory")).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
