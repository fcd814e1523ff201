using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Renovation.Community.Application.Extensions;

public static class OpenApiSetup
{
    public static WebApplicationBuilder AddOpenApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddSchemaTransformer((schema, context, _) =>
            {
                OpenApiContract.MarkNullableFieldsOptional(schema, context);
                OpenApiContract.DescribeTimestamps(schema, context);
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>
    /// <c>/openapi/v1.json</c> and the reference UI at <c>/docs</c>; both public so the mini-program team can read them.
    /// The page shows only the reference and "try it": no AI chat (it would send our document to Scalar's service), no
    /// developer toolbar (its deploy and SDK-generation links), no MCP, no telemetry.
    /// </summary>
    public static WebApplication MapOpenApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o
            .WithTitle("Renovation.Community API")
            .AddPreferredSecuritySchemes("Bearer")
            .DisableAgent()
            .HideDeveloperTools()
            .HideClientButton()
            .DisableMcp()
            .DisableTelemetry())
            .AllowAnonymous();
        return app;
    }

    private sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
        {
            document.Info.Title = "Renovation.Community API";
            document.Info.Description = "老旧小区改造 mini-program backend. Sign in with /api/v1/auth/wechat-login (or dev-login in development) and send `Authorization: Bearer <accessToken>`.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from /api/v1/auth/*",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }
    }
}
