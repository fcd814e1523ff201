using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Renovation.Community.Tests.Foundation;

/// <summary>
/// Walks every operation of <c>/openapi/v1.json</c> (so operations added later are swept without changing this test)
/// as the first demo user who may call it, and sends generated bad input: malformed JSON, wrong root type, missing and
/// null fields, wrong types, overflowing and negative numbers, unknown enum names and numbers, 1 MB strings, control
/// characters, bad query values, and invalid and foreign ids. No answer may be a 5xx; every refusal is problem+json
/// with a <c>code</c>; an operation that refused everything wrote no row and no file.
/// </summary>
public sealed class FuzzSweepTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly string[] Callers = ["city-admin", "street-officer", "committee-a", "resident-a"];
    private static readonly string Huge = new('长', 1024 * 1024);
    private const string Controls = "名\u0000称\u202E\u2066";

    private sealed record Operation(string Method, string Path, JsonObject Spec);

    [Fact]
    public async Task Every_operation_refuses_bad_input_with_a_coded_problem_and_writes_nothing()
    {
        var watch = Stopwatch.StartNew();
        using var anonymous = api.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var ids = await KnownIds();
        var failures = new List<string>();
        var operations = 0;
        var requests = 0;
        foreach (var operation in Operations(document))
        {
            operations++;
            var client = await CallerFor(operation, ids);
            var before = await Snapshot();
            var anyAccepted = false;
            foreach (var request in BadRequests(operation, document, ids))
            {
                requests++;
                var response = await client.SendAsync(request.Message);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var label = $"{operation.Method} {operation.Path} [{request.Case}] → {status}";
                if (status >= 500)
                    failures.Add($"{label}: {body[..Math.Min(body.Length, 300)]}");
                else if (status >= 400 && !IsCodedProblem(response, body))
                    failures.Add($"{label}: not a coded problem: {body[..Math.Min(body.Length, 200)]}");
                anyAccepted |= status < 400;
            }
            if (!anyAccepted && await Snapshot() is var after && after != before)
                failures.Add($"{operation.Method} {operation.Path}: refused everything but wrote {before} → {after}");
        }
        output.WriteLine($"fuzz sweep: {operations} operations, {requests} requests, {failures.Count} failures, {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(operations > 50, $"only {operations} operations found in the OpenAPI document");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
    }

    private static bool IsCodedProblem(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return false;
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<(RowCounts Rows, int Files)> Snapshot() => (await RowCounts.Of(api),
        Directory.Exists(api.FilesRoot) ? Directory.EnumerateFiles(api.FilesRoot, "*", SearchOption.AllDirectories).Count() : 0);

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, spec) in item!.AsObject())
                if (method is "get" or "post" or "put" or "patch" or "delete")
                    yield return new Operation(method.ToUpperInvariant(), path, spec!.AsObject());
    }

    /// <summary>Real ids of the demo data for the path parameters whose name says what they are; others get a fresh id.</summary>
    private async Task<Dictionary<string, string>> KnownIds()
    {
        var demo = await Demo.Of(api);
        var (building, unit) = await api.WithDb(async db =>
        {
            var u = await db.Units.Where(x => x.CommunityId == demo.CommunityA).OrderBy(x => x.Id).FirstAsync();
            return (u.BuildingId, u.Id);
        });
        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["communityId"] = demo.CommunityA.ToString(),
            ["districtId"] = demo.DistrictId.ToString(),
            ["streetId"] = demo.StreetId.ToString(),
            ["buildingId"] = building.ToString(),
            ["unitId"] = unit.ToString(),
            ["foreign"] = demo.CommunityB.ToString(),
        };
    }

    private string FillPath(string path, Dictionary<string, string> ids, Func<string, string> value) =>
        System.Text.RegularExpressions.Regex.Replace(path, "{([^}:]+)(:[^}]*)?}", m => value(m.Groups[1].Value));

    private string Filled(Operation operation, Dictionary<string, string> ids) =>
        FillPath(operation.Path, ids, name => ids.GetValueOrDefault(name) ?? Guid.NewGuid().ToString());

    /// <summary>The first demo user the operation does not turn away (401/403) with a plain request.</summary>
    private async Task<HttpClient> CallerFor(Operation operation, Dictionary<string, string> ids)
    {
        foreach (var user in Callers)
        {
            var client = await api.ClientFor(user);
            var probe = new HttpRequestMessage(new HttpMethod(operation.Method), Filled(operation, ids));
            if (operation.Method is "POST" or "PUT" or "PATCH")
                probe.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            var status = (await client.SendAsync(probe)).StatusCode;
            if (status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
                return client;
        }
        return await api.ClientFor(Callers[^1]);
    }

    private sealed record BadRequest(string Case, HttpRequestMessage Message);

    private IEnumerable<BadRequest> BadRequests(Operation operation, JsonObject document, Dictionary<string, string> ids)
    {
        var method = new HttpMethod(operation.Method);
        var url = Filled(operation, ids);
        var bodyType = operation.Spec["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault();
        var schema = bodyType is null ? null : OpenApiSchemas.Resolve(operation.Spec["requestBody"]!["content"]![bodyType]!["schema"], document);

        HttpRequestMessage With(string target, string? body, string mediaType = "application/json")
        {
            var message = new HttpRequestMessage(method, target);
            if (body is not null)
            {
                message.Content = new StringContent(body, Encoding.UTF8);
                message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
            }
            return message;
        }

        // Ids: not a GUID, a GUID of nothing, another street's community.
        if (operation.Path.Contains('{'))
        {
            yield return new("id not a guid", With(FillPath(operation.Path, ids, _ => "not-a-guid"), bodyType is null ? null : "{}"));
            yield return new("id of nothing", With(FillPath(operation.Path, ids, _ => Guid.NewGuid().ToString()), bodyType is null ? null : "{}"));
            yield return new("foreign id", With(FillPath(operation.Path, ids, _ => ids["foreign"]), bodyType is null ? null : "{}"));
        }

        foreach (var parameter in operation.Spec["parameters"]?.AsArray() ?? [])
        {
            if (parameter?["in"]?.GetValue<string>() != "query")
                continue;
            var name = parameter["name"]!.GetValue<string>();
            foreach (var value in new[] { "not-a-value", "-1", "99999999999999999999", "%00%E2%80%AE", "" })
                yield return new($"query {name}={value}", With($"{url}{(url.Contains('?') ? '&' : '?')}{name}={value}", bodyType is null ? null : "{}"));
        }

        if (bodyType is null)
            yield break;
        if (bodyType != "application/json")
        {
            // Uploads and CSV: empty, garbage, and the wrong media type.
            yield return new("empty upload", With(url, "", bodyType.StartsWith("multipart") ? "multipart/form-data; boundary=x" : bodyType));
            yield return new("garbage upload", With(url, "MZ\u0000\u0001garbage", bodyType.StartsWith("multipart") ? "multipart/form-data; boundary=x" : bodyType));
            yield return new("json to an upload", With(url, "{}"));
            yield break;
        }
        yield return new("malformed json", With(url, "{\"a\":"));
        yield return new("array root", With(url, "[]"));
        yield return new("string root", With(url, "\"x\""));
        yield return new("wrong media type", With(url, "{}", "text/plain"));
        var properties = OpenApiSchemas.Properties(schema, document);
        if (properties.Count == 0)
            yield break;
        yield return new("empty object", With(url, "{}"));
        yield return new("all null", With(url, new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)null))).ToJsonString()));
        var valid = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, OpenApiSchemas.Plausible(p.Value, document))));
        foreach (var (name, property) in properties)
            foreach (var (label, bad) in BadValues(property, document))
            {
                var body = valid.DeepClone().AsObject();
                body[name] = bad?.DeepClone();
                yield return new($"{name}: {label}", With(url, body.ToJsonString()));
            }
    }

    private static IEnumerable<(string, JsonNode?)> BadValues(JsonNode schema, JsonObject document)
    {
        yield return ("null", null);
        yield return ("object", new JsonObject { ["x"] = 1 });
        if (schema["enum"] is not null)
        {
            yield return ("enum number", 99);
            yield return ("enum name", "NoSuchMember");
            yield break;
        }
        switch (OpenApiSchemas.TypeOf(schema))
        {
            case "integer" or "number":
                yield return ("string", "x");
                yield return ("overflow", JsonNode.Parse("99999999999999999999999"));
                yield return ("negative", -9223372036854775808);
                yield return ("fraction", 1.5);
                break;
            case "boolean":
                yield return ("string", "yes");
                break;
            case "array":
                yield return ("string", "x");
                var item = schema["items"] is { } items ? OpenApiSchemas.Resolve(items, document) : null;
                if (item is not null)
                    yield return ("bad items", new JsonArray(Enumerable.Range(0, 3).Select(_ => (JsonNode?)new JsonArray()).ToArray()));
                yield return ("huge array", new JsonArray(Enumerable.Range(0, 5000).Select(_ => (JsonNode?)OpenApiSchemas.Plausible(item ?? new JsonObject(), document)).ToArray()));
                break;
            case "object":
                yield return ("string", "x");
                break;
            default:
                yield return ("number", 12);
                yield return ("1 MB", Huge);
                yield return ("controls", Controls);
                if (schema["format"]?.GetValue<string>() is "uuid" or "date-time")
                    yield return ("bad format", "2026-13-45T99:00");
                break;
        }
    }
}
