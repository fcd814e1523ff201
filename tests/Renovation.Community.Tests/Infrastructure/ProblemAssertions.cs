using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Renovation.Community.Tests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>
    /// Asserts an RFC 9457 problem: the status, the media type, the stable machine code and a Chinese detail.
    /// Returns the body for further checks.
    /// </summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status,
        string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var actualCode = problem.GetProperty("code").GetString();
        if (code is not null)
            Assert.Equal(code, actualCode);
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.True(detail.Any(c => c >= '\u4e00' && c <= '\u9fff'), $"detail should be Chinese: {detail}");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
        return problem;
    }

    public static async Task<T> ShouldBe<T>(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json.Options)!;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json.Options);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json.Options);
}
