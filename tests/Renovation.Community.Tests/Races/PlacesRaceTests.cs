using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Races;

/// <summary>
/// Creating places and granting roles under N identical simultaneous requests: the unique index admits one, and the
/// others get the same coded 409 they would get one at a time (not the generic <c>duplicate</c>).
/// </summary>
public sealed class PlacesRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Five_simultaneous_districts_with_one_code_create_one()
    {
        var admin = await api.ClientFor("city-admin");
        var code = "9" + Random.Shared.Next(10000, 99999);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => admin.PostJson("/api/v1/districts", new { name = "竞速区" + code, code }),
            db => db.Districts.CountAsync(d => d.Code == code), HttpStatusCode.Created, HttpStatusCode.Conflict, "district_exists");
    }

    [Fact]
    public async Task Five_simultaneous_streets_property_companies_communities_buildings_and_units_create_one_each()
    {
        var demo = await Demo.Of(api);
        var admin = await api.ClientFor("city-admin");
        var officer = await api.ClientFor("street-officer");
        await api.TokenFor("city-admin");
        await api.TokenFor("street-officer");

        var street = "竞速街道" + Unique();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => admin.PostJson($"/api/v1/districts/{demo.DistrictId}/streets", new { name = street }),
            db => db.Streets.CountAsync(s => s.Name == street), HttpStatusCode.Created, HttpStatusCode.Conflict, "street_exists");

        var company = "竞速物业" + Unique();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => admin.PostJson("/api/v1/property-companies", new { name = company }),
            db => db.PropertyCompanies.CountAsync(c => c.Name == company), HttpStatusCode.Created, HttpStatusCode.Conflict, "property_company_exists");

        var community = "竞速小区" + Unique();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => officer.PostJson("/api/v1/communities", new { streetId = demo.StreetId, name = community, address = "某路1号" }),
            db => db.Communities.CountAsync(c => c.Name == community), HttpStatusCode.Created, HttpStatusCode.Conflict, "community_exists");

        var building = "竞速" + Unique() + "幢";
        var answers = await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => officer.PostJson($"/api/v1/communities/{demo.CommunityA}/buildings", new { name = building }),
            db => db.Buildings.CountAsync(b => b.Name == building), HttpStatusCode.Created, HttpStatusCode.Conflict, "building_exists");
        var buildingId = answers.Winner.As<BuildingView>().Id;

        var party = await api.WithDb(db => db.OwnerParties.Where(p => p.CommunityId == demo.CommunityA).Select(p => p.Id).FirstAsync());
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => officer.PostJson($"/api/v1/communities/{demo.CommunityA}/units",
                new { buildingId, number = "101", exclusiveAreaHundredths = 8888, areaBasis = "Surveyed", certificateNumber = "证", ownerPartyId = party }),
            db => db.Units.CountAsync(u => u.BuildingId == buildingId), HttpStatusCode.Created, HttpStatusCode.Conflict, "unit_exists");
    }

    [Fact]
    public async Task Five_simultaneous_grants_of_one_role_grant_it_once_and_five_revocations_revoke_it_once()
    {
        var demo = await Demo.Of(api);
        var (_, userId) = await api.NewWeChatUser();
        var officer = await api.ClientFor("street-officer");
        await api.TokenFor("street-officer");
        var answers = await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => officer.PostJson("/api/v1/role-grants", new { userId, role = "CommitteeMember", scopeId = demo.CommunityA }),
            db => db.RoleGrants.CountAsync(g => g.UserId == userId), HttpStatusCode.Created, HttpStatusCode.Conflict, "role_already_granted");
        var grantId = System.Text.Json.JsonDocument.Parse(answers.Winner.Body).RootElement.GetProperty("id").GetGuid();
        var revoked = await Race.Run(Race.DefaultRacers, () => officer.DeleteAsync($"/api/v1/role-grants/{grantId}"));
        revoked.ExactlyOne(HttpStatusCode.NoContent).OthersAre(HttpStatusCode.NotFound, "role_grant_not_found");
        Assert.Equal(0, await api.WithDb(db => db.RoleGrants.CountAsync(g => g.UserId == userId)));
    }

    [Fact]
    public async Task Five_simultaneous_developer_parties_for_one_community_register_one()
    {
        var (_, communityId, _) = await Demo.AddOtherStreet(api);
        var admin = await api.ClientFor("city-admin");
        await api.TokenFor("city-admin");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => admin.PostJson($"/api/v1/communities/{communityId}/owner-parties",
                new { kind = "Developer", members = new[] { new { name = "某某房地产开发有限公司" } } }),
            db => db.OwnerParties.CountAsync(p => p.CommunityId == communityId && p.Kind == OwnerPartyKind.Developer),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "developer_party_exists");
    }

    [Fact]
    public async Task Five_simultaneous_city_wide_grants_of_one_role_grant_it_once()
    {
        var (_, userId) = await api.NewWeChatUser();
        var admin = await api.ClientFor("city-admin");
        await api.TokenFor("city-admin");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => admin.PostJson("/api/v1/role-grants", new { userId, role = "CityAdmin" }),
            db => db.RoleGrants.CountAsync(g => g.UserId == userId), HttpStatusCode.Created, HttpStatusCode.Conflict, "role_already_granted");
    }
}
