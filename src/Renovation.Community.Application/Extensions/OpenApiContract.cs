using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Renovation.Community.Application.Extensions;

/// <summary>
/// Makes the OpenAPI document say what the server enforces. The schema exporter marks every constructor parameter
/// of a request record as required; the server only refuses a missing non-nullable field (<c>RequestShape</c>), so a
/// nullable one (<c>DateTimeOffset? publishAt</c>) is optional unless the record marks it <c>[Required]</c> because
/// its <c>Validate</c> insists on it. Endpoints add headers and examples with the helpers below.
/// </summary>
public static class OpenApiContract
{
    /// <summary>
    /// Timestamps are written by our millisecond converter (<c>Timestamps.Json</c>), which hides them from the schema
    /// generator (it would describe them as <c>{}</c>): describe them as the ISO 8601 strings they are.
    /// </summary>
    public static void DescribeTimestamps(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(DateTimeOffset) && type != typeof(DateTimeOffset?))
            return;
        schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        schema.Format = "date-time";
    }

    public static void MarkNullableFieldsOptional(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var info = context.JsonTypeInfo;
        if (info.Kind != JsonTypeInfoKind.Object || schema.Required is not { Count: > 0 } required)
            return;
        var nullability = new NullabilityInfoContext();
        foreach (var property in info.Properties)
            if (required.Contains(property.Name) && IsOptional(property, nullability))
                required.Remove(property.Name);
    }

    private static bool IsOptional(JsonPropertyInfo property, NullabilityInfoContext nullability)
    {
        if (property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), true) == true)
            return false;
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
            return true;
        return !property.PropertyType.IsValueType && property.AttributeProvider is PropertyInfo p
            && nullability.Create(p).ReadState == NullabilityState.Nullable;
    }

    /// <summary>Declares a request header the handler reads from <c>HttpRequest</c> or a nullable parameter.</summary>
    public static RouteHandlerBuilder DeclaresHeader(this RouteHandlerBuilder builder, string name, bool required, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            var existing = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Header
                && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
                operation.Parameters.Remove(existing);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });

    /// <summary>An example JSON body for the reference and generated clients.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string json) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content is { } content)
                foreach (var media in content.Values)
                    media.Example = JsonNode.Parse(json);
            return Task.CompletedTask;
        });
}
