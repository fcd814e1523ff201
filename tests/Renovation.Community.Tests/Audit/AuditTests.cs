using System.Net;
using System.Text.Json;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Audit;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Audit;

public sealed class AuditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_administrative_change_is_logged_with_who_when_before_and_after()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var officerId = await api.WithDb(db => Task.FromResult(db.Users.Single(u => u.OpenId == Renovation.Community.Application.Features.Identity.AuthApi.DevOpenId("street-officer")).Id));
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/communities/{demo.CommunityB}")
        {
            Content = JsonContentOf(new { streetId = demo.StreetId, name = "和平新村", address = "和平路 18 号", builtYear = 1998, propertyCompanyId = demo.CompanyB }),
        };
        request.Headers.Add("X-Correlation-Id", "audit-check-1");
        Assert.Equal(HttpStatusCode.OK, (await officer.SendAsync(request)).StatusCode);

        var city = await api.ClientFor("city-admin");
        var page = await (await city.GetAsync($"/api/v1/audit?entityType=ResidentialCommunity&entityId={demo.CommunityB}"))
            .ShouldBe<Page<AuditView>>(HttpStatusCode.OK);
        var entry = page.Items[0];
        Assert.Equal("updated", entry.Action);
        Assert.Equal(officerId, entry.ActorUserId);
        Assert.Equal("audit-check-1", entry.CorrelationId);
        Assert.Equal("椒江区海门街道和平路 16 号", JsonDocument.Parse(entry.Before!).RootElement.GetProperty("Address").GetString());
        Assert.Equal("和平路 18 号", JsonDocument.Parse(entry.After!).RootElement.GetProperty("Address").GetString());
        Assert.True(entry.At <= api.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData("street-officer")]
    [InlineData("committee-a")]
    [InlineData("resident-a")]
    public async Task Only_city_wide_admins_read_the_audit_log(string caller)
    {
        var client = await api.ClientFor(caller);
        await (await client.GetAsync("/api/v1/audit")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    private static StringContent JsonContentOf(object body) =>
        new(JsonSerializer.Serialize(body, Json.Options), System.Text.Encoding.UTF8, "application/json");
}
