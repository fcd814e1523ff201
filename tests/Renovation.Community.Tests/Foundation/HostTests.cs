using System.Net;
using System.Text.Json;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Foundation;

public sealed class HostTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Ready_answers_200_once_the_database_is_reachable()
    {
        using var client = api.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api_and_declares_bearer_auth()
    {
        using var client = api.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/wechat-login", out _));
        Assert.True(paths.TryGetProperty("/api/v1/communities/{communityId}/register/import", out _));
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer")
            .GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Docs_page_serves_the_api_reference()
    {
        using var client = api.CreateClient();
        var page = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_endpoint_is_denied_by_default_without_a_token()
    {
        using var client = api.CreateClient();
        foreach (var path in new[] { "/api/v1/me", "/api/v1/communities", "/api/v1/events", "/api/v1/audit", "/api/v1/streets" })
            await (await client.GetAsync(path)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_not_an_empty_404()
    {
        var client = await api.ClientFor("city-admin");
        await (await client.GetAsync("/api/v1/no-such-thing")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_metrics_scrape_endpoint_is_off_unless_enabled_and_answers_like_an_unknown_path()
    {
        var client = await api.ClientFor("city-admin");
        await (await client.GetAsync("/metrics")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Malformed_json_is_400_with_a_code_never_500()
    {
        using var client = api.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/wechat-login",
            new StringContent("{\"code\": ", System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Correlation_id_is_echoed_and_put_into_problems()
    {
        using var client = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-Correlation-Id", "trace-abc-123");
        var response = await client.SendAsync(request);
        Assert.Equal("trace-abc-123", response.Headers.GetValues("X-Correlation-Id").Single());
        var problem = await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("trace-abc-123", problem.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Unsafe_correlation_id_is_replaced_not_echoed()
    {
        using var client = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "bad id\twith spaces");
        var response = await client.SendAsync(request);
        Assert.NotEqual("bad id\twith spaces", response.Headers.GetValues("X-Correlation-Id").Single());
    }
}
