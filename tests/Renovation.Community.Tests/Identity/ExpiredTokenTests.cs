using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>Uses the production lifetime check (no test override); its own API, because it moves the clock.</summary>
public sealed class ExpiredTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_expired_access_token_gets_401_token_expired_which_differs_from_not_signed_in()
    {
        using var anonymous = api.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/dev-login", new { username = "resident-a" });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("tokens").GetProperty("accessToken").GetString();
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        api.Clock.Advance(TimeSpan.FromMinutes(20));

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "token_expired");
        await (await anonymous.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
