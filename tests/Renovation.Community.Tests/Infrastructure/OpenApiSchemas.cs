using System.Text.Json.Nodes;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>Reading the API's own OpenAPI document: schemas and values of the right shape for them.</summary>
public static class OpenApiSchemas
{
    /// <summary>The JSON body schema of an operation, or null when it takes none (or takes a file or CSV).</summary>
    public static JsonNode? JsonBody(JsonObject operation, JsonObject document) =>
        operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Resolve(schema, document) : null;

    public static JsonNode? Resolve(JsonNode? schema, JsonObject document)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is { } reference; i++)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            schema = document["components"]?["schemas"]?[name];
        }
        if ((schema?["oneOf"] ?? schema?["anyOf"]) is JsonArray alternatives)
            return Resolve(alternatives.FirstOrDefault(a => a?["type"]?.ToString() != "null"), document);
        return schema;
    }

    public static Dictionary<string, JsonNode> Properties(JsonNode? schema, JsonObject document) =>
        schema?["properties"]?.AsObject().ToDictionary(p => p.Key, p => Resolve(p.Value, document) ?? new JsonObject())
        ?? [];

    public static string TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "string",
        JsonValue type => type.GetValue<string>(),
        _ => schema["enum"] is not null ? "enum" : schema["properties"] is not null ? "object" : "string",
    };

    /// <summary>A value of the right shape, so that each bad value is tried on its own.</summary>
    public static JsonNode? Plausible(JsonNode schema, JsonObject document)
    {
        if (schema["enum"] is JsonArray members && members.FirstOrDefault(m => m is not null) is { } member)
            return member.DeepClone();
        return TypeOf(schema) switch
        {
            "integer" => 1,
            "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(),
            "object" => new JsonObject(Properties(schema, document).Select(p => KeyValuePair.Create(p.Key, Plausible(p.Value, document)))),
            _ => schema["format"]?.GetValue<string>() switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => TestRunClock.UtcNow.AddDays(20).ToString("O"),
                _ => "测试",
            },
        };
    }
}
