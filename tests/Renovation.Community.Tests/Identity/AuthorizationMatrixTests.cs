using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text;
using Renovation.Community.Api.Common.Paging;
using Renovation.Community.Api.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>
/// Each role, against every community-scoped endpoint of a community it has no part in: refused as "not found"
/// (so existence does not leak) and nothing written.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Endpoints =
    [
        "GET /api/v1/communities/{c}",
        "GET /api/v1/communities/{c}/register-summary",
        "GET /api/v1/communities/{c}/buildings",
        "GET /api/v1/communities/{c}/units",
        "GET /api/v1/communities/{c}/owner-parties",
        "GET /api/v1/communities/{c}/bindings",
        "PUT /api/v1/communities/{c}",
        "POST /api/v1/communities/{c}/buildings",
        "POST /api/v1/communities/{c}/units",
        "POST /api/v1/communities/{c}/owner-parties",
        "POST /api/v1/communities/{c}/register/import",
        "GET /api/v1/communities/{c}/register/template",
        "GET /api/v1/communities/{c}/register/download?format=xlsx",
        "POST /api/v1/owner-parties/{p}/merge",
        "DELETE /api/v1/owner-parties/{p}",
        "GET /api/v1/role-grants?role=CommitteeMember&scopeId={c}",
        "POST /api/v1/role-grants",
        "PUT /api/v1/units/{u}",
        "GET /api/v1/projects?communityId={c}",
        "GET /api/v1/plans?communityId={c}",
        "GET /api/v1/communities/{c}/votes",
        "POST /api/v1/communities/{c}/votes",
        "GET /api/v1/communities/{c}/voting-settings",
        "PUT /api/v1/communities/{c}/voting-settings",
        "GET /api/v1/communities/{c}/notices",
        "POST /api/v1/notices",
        "GET /api/v1/communities/{c}/payments",
        "GET /api/v1/communities/{c}/reconciliation/reports",
        "GET /api/v1/communities/{c}/reconciliation/discrepancies?date=2026-11-27",
    ];

    public static TheoryData<string, string> OutsidersOfCommunityB()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "resident-a", "coowner-a", "committee-a", "chair-a", "property-a" })
            foreach (var endpoint in Endpoints)
                data.Add(user, endpoint);
        return data;
    }

    public static TheoryData<string, string> EveryoneButCityAdminAgainstAnotherStreet()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "resident-b", "committee-b", "property-b", "street-officer" })
            foreach (var endpoint in Endpoints)
                data.Add(user, endpoint);
        return data;
    }

    [Theory]
    [MemberData(nameof(OutsidersOfCommunityB))]
    public async Task Roles_of_community_A_cannot_read_or_change_community_B(string user, string endpoint)
    {
        var demo = await Demo.Of(api);
        var unitB = await api.WithDb(db => Task.FromResult(db.Units.First(u => u.CommunityId == demo.CommunityB).Id));
        await AssertRefused(user, endpoint, demo.CommunityB, unitB, demo.StreetId);
    }

    [Theory]
    [MemberData(nameof(EveryoneButCityAdminAgainstAnotherStreet))]
    public async Task Roles_of_one_street_cannot_read_or_change_another_street(string user, string endpoint)
    {
        var demo = await Demo.Of(api);
        var other = await Demo.AddOtherStreet(api);
        await AssertRefused(user, endpoint, other.CommunityId, other.UnitId, other.StreetId);
    }

    private async Task AssertRefused(string user, string endpoint, Guid communityId, Guid unitId, Guid streetId)
    {
        var client = await api.ClientFor(user);
        var before = await RowCounts.Of(api);
        var partyId = await api.WithDb(db => db.Units.Where(u => u.Id == unitId).Select(u => u.OwnerPartyId).SingleAsync());
        var response = await client.SendAsync(Build(endpoint, communityId, unitId, streetId, partyId));
        await response.ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    private static HttpRequestMessage Build(string endpoint, Guid communityId, Guid unitId, Guid streetId, Guid? partyId = null)
    {
        var parts = endpoint.Split(' ');
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1].Replace("{c}", communityId.ToString()).Replace("{u}", unitId.ToString())
            .Replace("{p}", partyId.ToString()));
        var path = parts[1];
        request.Content = (parts[0], path) switch
        {
            ("PUT", var p) when p.EndsWith("{c}") => JsonBody(new { streetId, name = "改名", address = "新地址", builtYear = 1990 }),
            ("POST", var p) when p.EndsWith("/buildings") => JsonBody(new { name = "99幢" }),
            ("POST", var p) when p.EndsWith("/units") => JsonBody(new { buildingId = Guid.NewGuid(), number = "999", exclusiveAreaHundredths = 100, areaBasis = "Registered", ownerPartyId = Guid.NewGuid() }),
            ("POST", var p) when p.EndsWith("/owner-parties") => JsonBody(new { kind = "Person", members = new[] { new { name = "某人", idLast4 = "1234" } } }),
            ("POST", var p) when p.EndsWith("/merge") => JsonBody(new { intoPartyId = partyId }),
            ("POST", var p) when p.EndsWith("/import") => new StringContent("building,unit,area_m2,area_basis,certificate_no,party_key,party_kind,owners,id_last4\n9幢,1,80,,x,P,person,某,1234\n", Encoding.UTF8, "text/csv"),
            ("POST", "/api/v1/notices") => JsonBody(new { targetKind = "Community", targetId = communityId, title = "越权通知", body = "正文" }),
            ("POST", "/api/v1/role-grants") => JsonBody(new { userId = Guid.NewGuid(), role = "CommitteeMember", scopeId = communityId }),
            ("POST", var p) when p.EndsWith("/votes") => JsonBody(new { title = "越权表决", matter = "OtherMajorMatter", kind = "Motion", secrecy = "Named",
                opensAt = DateTimeOffset.UtcNow.AddDays(30), closesAt = DateTimeOffset.UtcNow.AddDays(40) }),
            ("PUT", var p) when p.EndsWith("/voting-settings") => JsonBody(new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false }),
            ("PUT", _) => JsonBody(new { exclusiveAreaHundredths = 100, areaBasis = "Registered", ownerPartyId = Guid.NewGuid() }),
            _ => null,
        };
        return request;
    }

    private static StringContent JsonBody(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Json.Options), Encoding.UTF8, "application/json");

    /// <summary>The platform's merchant-account endpoints: finance officers only (a re-run also city-wide admins).</summary>
    private static readonly string[] FinanceEndpoints =
    [
        "POST /api/v1/reconciliation/days/2026-11-27/run",
        "GET /api/v1/reconciliation/days/2026-11-27",
        "GET /api/v1/reconciliation/discrepancies?date=2026-11-27",
        "POST /api/v1/reconciliation/discrepancies/{u}/explain",
        "POST /api/v1/reconciliation/discrepancies/{u}/resolve",
    ];

    public static TheoryData<string, string> EveryoneButFinanceAgainstFinanceEndpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "resident-a", "committee-a", "chair-a", "property-a", "street-officer" })
            foreach (var endpoint in FinanceEndpoints)
                data.Add(user, endpoint);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryoneButFinanceAgainstFinanceEndpoints))]
    public async Task Only_finance_officers_reach_the_reconciliation_of_the_merchant_account(string user, string endpoint)
    {
        var client = await api.ClientFor(user);
        var before = await RowCounts.Of(api);
        var request = Build(endpoint, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        if (endpoint.StartsWith("POST /api/v1/reconciliation/discrepancies", StringComparison.Ordinal))
            request.Content = JsonBody(new { note = "越权说明" });
        await (await client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("resident-a", 1)]
    [InlineData("committee-a", 1)]
    [InlineData("property-b", 1)]
    [InlineData("street-officer", 2)]
    public async Task Community_lists_only_show_what_the_caller_may_see(string user, int expectedDemoCommunities)
    {
        await Demo.AddOtherStreet(api);
        var client = await api.ClientFor(user);
        var page = await (await client.GetAsync("/api/v1/communities?pageSize=100")).ShouldBe<Page<CommunityView>>(HttpStatusCode.OK);
        Assert.Equal(expectedDemoCommunities, page.Total);
        Assert.DoesNotContain(page.Items, c => c.Name == "白云小区");
    }

    [Fact]
    public async Task The_city_admin_sees_every_community()
    {
        await Demo.AddOtherStreet(api);
        var client = await api.ClientFor("city-admin");
        var page = await (await client.GetAsync("/api/v1/communities?pageSize=100")).ShouldBe<Page<CommunityView>>(HttpStatusCode.OK);
        Assert.Contains(page.Items, c => c.Name == "白云小区");
        Assert.Contains(page.Items, c => c.Name == "幸福里小区");
    }

    [Fact]
    public async Task A_district_admin_cannot_act_in_another_district()
    {
        var demo = await Demo.Of(api);
        var (adminClient, otherDistrictId) = await NewDistrictAdmin();
        await (await adminClient.GetAsync($"/api/v1/communities/{demo.CommunityA}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await adminClient.PostJson($"/api/v1/districts/{demo.DistrictId}/streets", new { name = "越权街道" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created,
            (await adminClient.PostJson($"/api/v1/districts/{otherDistrictId}/streets", new { name = "本区街道" })).StatusCode);
    }

    private async Task<(HttpClient Client, Guid DistrictId)> NewDistrictAdmin()
    {
        var city = await api.ClientFor("city-admin");
        var district = await (await city.PostJson("/api/v1/districts", new { name = "路桥区", code = Random.Shared.Next(100000, 999999).ToString() }))
            .ShouldBe<DistrictView>(HttpStatusCode.Created);
        var client = api.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "district-admin-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Created, (await city.PostJson("/api/v1/role-grants",
            new { userId = login.UserId, role = "CityAdmin", scopeId = district.Id })).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);
        return (client, district.Id);
    }
}
