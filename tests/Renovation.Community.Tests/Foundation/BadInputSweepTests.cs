using System.Net;
using System.Text;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Foundation;

/// <summary>
/// The endpoints not covered by their feature's own tests, each with input a client could get wrong: a problem with
/// a code, never a 500, and not one row written.
/// </summary>
public sealed class BadInputSweepTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, string, string, HttpStatusCode, string> Cases() => new()
    {
        // user, method, path, JSON body, expected status and code
        { "anonymous", "POST", "/api/v1/auth/dev-login", "{\"username\":\"\"}", HttpStatusCode.BadRequest, "validation_failed" },
        { "anonymous", "POST", "/api/v1/auth/refresh", "{\"refreshToken\":\"\"}", HttpStatusCode.BadRequest, "validation_failed" },
        { "anonymous", "POST", "/api/v1/auth/refresh", "[]", HttpStatusCode.BadRequest, "invalid_request" },
        { "resident-a", "POST", "/api/v1/auth/logout", "{}", HttpStatusCode.BadRequest, "validation_failed" },
        { "city-admin", "POST", "/api/v1/districts/{district}/streets", "{\"name\":\"   \"}", HttpStatusCode.BadRequest, "validation_failed" },
        { "city-admin", "POST", "/api/v1/property-companies", "{\"name\":\"\"}", HttpStatusCode.BadRequest, "validation_failed" },
        { "city-admin", "POST", "/api/v1/property-companies", "{\"name\":\"安居物业服务有限公司\"}", HttpStatusCode.Conflict, "property_company_exists" },
        { "street-officer", "POST", "/api/v1/communities/{a}/buildings", "{\"name\":\"\"}", HttpStatusCode.BadRequest, "validation_failed" },
        { "street-officer", "POST", "/api/v1/communities/{a}/buildings", "{\"name\":\"1幢\"}", HttpStatusCode.Conflict, "building_exists" },
        { "committee-a", "GET", "/api/v1/communities/{a}/bindings?status=Maybe", "", HttpStatusCode.BadRequest, "invalid_query" },
        { "committee-a", "GET", "/api/v1/communities/not-a-guid", "", HttpStatusCode.NotFound, "not_found" },
        { "street-officer", "POST", "/api/v1/communities", "{\"streetId\":\"not-a-guid\",\"name\":\"x\",\"address\":\"y\"}", HttpStatusCode.BadRequest, "invalid_request" },
        { "street-officer", "POST", "/api/v1/communities", "{\"streetId\":\"{b-street}\",\"name\":\"某小区\",\"address\":\"y\"}", HttpStatusCode.NotFound, "street_not_found" },
        { "resident-a", "POST", "/api/v1/bindings/{random}/approve", "", HttpStatusCode.NotFound, "binding_not_found" },
        { "resident-a", "POST", "/api/v1/bindings/{random}/revoke", "", HttpStatusCode.NotFound, "binding_not_found" },
        { "city-admin", "GET", "/api/v1/audit?pageSize=0", "", HttpStatusCode.BadRequest, "validation_failed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_coded_problem_and_writes_nothing(string user, string method, string path, string body, HttpStatusCode status,
        string code)
    {
        var demo = await Demo.Of(api);
        var otherStreet = Guid.NewGuid();
        string Fill(string s) => s.Replace("{a}", demo.CommunityA.ToString()).Replace("{district}", demo.DistrictId.ToString())
            .Replace("{random}", Guid.NewGuid().ToString()).Replace("{b-street}", otherStreet.ToString());
        var client = user == "anonymous" ? api.CreateClient() : await api.ClientFor(user);
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (body.Length > 0)
            request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        var before = await RowCounts.Settled(api);
        await (await client.SendAsync(request)).ShouldBeProblem(status, code);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Street_lists_are_scoped_to_the_caller()
    {
        await Demo.AddOtherStreet(api);
        var officer = await api.ClientFor("street-officer");
        var streets = await (await officer.GetAsync("/api/v1/streets")).ShouldBe<List<StreetView>>(HttpStatusCode.OK);
        Assert.Equal("海门街道", Assert.Single(streets).Name);
        var resident = await api.ClientFor("resident-a");
        Assert.Empty(await (await resident.GetAsync("/api/v1/streets")).ShouldBe<List<StreetView>>(HttpStatusCode.OK));
        var city = await api.ClientFor("city-admin");
        Assert.True((await (await city.GetAsync("/api/v1/streets")).ShouldBe<List<StreetView>>(HttpStatusCode.OK)).Count >= 2);
    }
}
