using System.Text.Json.Nodes;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Foundation;

/// <summary>
/// The API reference is the contract the mini-program and generated SDKs are built from: every operation explains
/// itself, optional fields are optional, required headers and upload types are declared, the main requests have
/// examples, and <c>/docs</c> shows no third-party buttons. New operations are covered without editing this test.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonObject> Document()
    {
        using var anonymous = api.CreateClient();
        return JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in Methods
        where path.Value![method] is JsonObject
        select (path.Key, method, path.Value![method]!.AsObject());

    private static JsonObject Operation(JsonObject document, string operationId) =>
        Operations(document).Single(o => (string?)o.Operation["operationId"] == operationId).Operation;

    private static JsonObject Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    private static IReadOnlyList<string> Required(JsonObject schema) =>
        schema["required"]?.AsArray().Select(n => (string)n!).ToList() ?? [];

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_description()
    {
        var document = await Document();
        var operations = Operations(document).ToList();
        var missing = operations
            .Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["summary"]) || string.IsNullOrWhiteSpace((string?)o.Operation["description"]))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations found");
        Assert.True(missing.Count == 0, "without a summary or a description:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Nullable_request_fields_are_optional_and_fields_the_server_insists_on_are_required()
    {
        var document = await Document();
        Assert.DoesNotContain("publishAt", Required(Schema(document, "PublishNoticeRequest")));
        Assert.DoesNotContain("expiresAt", Required(Schema(document, "PublishNoticeRequest")));
        Assert.Contains("title", Required(Schema(document, "PublishNoticeRequest")));
        Assert.DoesNotContain("partyId", Required(Schema(document, "CastBallotRequest")));
        Assert.DoesNotContain("replacesKey", Required(Schema(document, "CastBallotRequest")));
        Assert.DoesNotContain("seats", Required(Schema(document, "ConveneVoteRequest")));
        Assert.DoesNotContain("planId", Required(Schema(document, "ConveneVoteRequest")));
        Assert.DoesNotContain("expectedVersion", Required(Schema(document, "SavePlan")));
        // Nullable in the record, but Validate refuses the request without them.
        Assert.Contains("costItems", Required(Schema(document, "SavePlan")));
        Assert.Contains("startsAt", Required(Schema(document, "SchedulePublicity")));
        Assert.Contains("endsAt", Required(Schema(document, "SchedulePublicity")));
    }

    [Fact]
    public async Task The_ballot_declares_its_required_idempotency_key_and_the_comment_its_optional_one()
    {
        var document = await Document();
        JsonObject Header(string operationId) => Operation(document, operationId)["parameters"]!.AsArray()
            .Select(p => p!.AsObject()).Single(p => (string?)p["in"] == "header" && (string?)p["name"] == "Idempotency-Key");
        Assert.True((bool?)Header("CastBallot")["required"]);
        Assert.False((bool?)Header("PostPublicityComment")["required"] ?? false);
    }

    [Theory]
    [InlineData("UploadProjectFile", "multipart/form-data")]
    [InlineData("UploadNoticeAttachment", "multipart/form-data")]
    [InlineData("RequestProxy", "application/pdf")]
    [InlineData("ImportRegister", "text/csv")]
    public async Task Uploads_declare_their_media_type(string operationId, string mediaType)
    {
        var document = await Document();
        var content = Operation(document, operationId)["requestBody"]?["content"]?.AsObject();
        Assert.NotNull(content);
        Assert.True(content.ContainsKey(mediaType), $"{operationId} accepts {string.Join(", ", content.Select(c => c.Key))}");
    }

    [Theory]
    [InlineData("WeChatLogin")]
    [InlineData("DevLogin")]
    [InlineData("RequestBinding")]
    [InlineData("CastBallot")]
    [InlineData("CreatePayment")]
    public async Task The_main_requests_have_an_example(string operationId)
    {
        var document = await Document();
        var media = Operation(document, operationId)["requestBody"]!["content"]!["application/json"]!;
        Assert.NotNull(media["example"]);
    }

    [Fact]
    public async Task The_reference_page_shows_no_external_ai_deploy_or_sdk_buttons()
    {
        using var anonymous = api.CreateClient();
        var page = await anonymous.GetStringAsync("/docs/");
        Assert.Contains("\"agent\":{\"disabled\":true}", page);
        Assert.Contains("\"showDeveloperTools\":\"never\"", page);
        Assert.Contains("\"hideClientButton\":true", page);
    }
}
