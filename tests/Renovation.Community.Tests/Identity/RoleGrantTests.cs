using System.Net;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

public sealed class RoleGrantTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(HttpClient Client, Guid UserId)> NewUser()
    {
        var client = api.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "rg-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);
        return (client, login.UserId);
    }

    [Fact]
    public async Task Street_officer_appoints_a_committee_member_who_then_decides_bindings_and_loses_it_on_revocation()
    {
        var demo = await Demo.Of(api);
        var (member, userId) = await NewUser();
        await (await member.GetAsync($"/api/v1/communities/{demo.CommunityA}/bindings")).ShouldBeProblem(HttpStatusCode.NotFound);

        var officer = await api.ClientFor("street-officer");
        var grant = await (await officer.PostJson("/api/v1/role-grants", new { userId, role = "CommitteeMember", scopeId = demo.CommunityA }))
            .ShouldBe<RoleGrantView>(HttpStatusCode.Created);
        // Scopes are read from the database on every request: no new token is needed.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/communities/{demo.CommunityA}/bindings")).StatusCode);
        await (await officer.PostJson("/api/v1/role-grants", new { userId, role = "CommitteeMember", scopeId = demo.CommunityA }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "role_already_granted");

        var listed = await (await officer.GetAsync($"/api/v1/role-grants?role=CommitteeMember&scopeId={demo.CommunityA}"))
            .ShouldBe<List<RoleGrantView>>(HttpStatusCode.OK);
        Assert.Contains(listed, g => g.UserId == userId);

        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/role-grants/{grant.Id}")).StatusCode);
        await (await member.GetAsync($"/api/v1/communities/{demo.CommunityA}/bindings")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("StreetOfficer")]
    [InlineData("PropertyStaff")]
    [InlineData("CityAdmin")]
    public async Task Street_officers_cannot_appoint_officers_staff_or_admins(string role)
    {
        var demo = await Demo.Of(api);
        var (_, userId) = await NewUser();
        var officer = await api.ClientFor("street-officer");
        Guid? scope = role switch { "StreetOfficer" => demo.StreetId, "PropertyStaff" => demo.CompanyA, _ => null };
        var before = await RowCounts.Settled(api);
        await (await officer.PostJson("/api/v1/role-grants", new { userId, role, scopeId = scope })).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task City_admin_appoints_property_staff_who_then_sees_the_company_communities()
    {
        var demo = await Demo.Of(api);
        var (staff, userId) = await NewUser();
        var city = await api.ClientFor("city-admin");
        Assert.Equal(HttpStatusCode.Created,
            (await city.PostJson("/api/v1/role-grants", new { userId, role = "PropertyStaff", scopeId = demo.CompanyB })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/communities/{demo.CommunityB}/units")).StatusCode);
        await (await staff.GetAsync($"/api/v1/communities/{demo.CommunityA}/units")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Role_grant_bad_input_is_400_and_unknown_targets_are_404()
    {
        var demo = await Demo.Of(api);
        var city = await api.ClientFor("city-admin");
        var before = await RowCounts.Settled(api);
        await (await city.PostJson("/api/v1/role-grants", new { userId = Guid.Empty, role = "CommitteeMember" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await city.PostJson("/api/v1/role-grants", new { userId = Guid.NewGuid(), role = "Mayor", scopeId = demo.CommunityA }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        await (await city.PostJson("/api/v1/role-grants", new { userId = Guid.NewGuid(), role = "CommitteeMember", scopeId = demo.CommunityA }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "user_not_found");
        await (await city.DeleteAsync($"/api/v1/role-grants/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "role_grant_not_found");
        Assert.Equal(before, await RowCounts.Of(api));
    }
}
