using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Authentication;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Observability;

namespace Renovation.Community.Application.Extensions;

/// <summary>
/// OpenTelemetry: the product's meter (<see cref="ProductMetrics"/>) and the libraries' own (ASP.NET Core, Kestrel,
/// SignalR, HttpClient, EF Core, Quartz, the runtime), pushed over OTLP when <c>Telemetry:Otlp:Endpoint</c> is set and
/// served at the scrape path when <c>Telemetry:Prometheus:Enabled</c>; traces only go over OTLP. With neither, no
/// listener is registered and every instrument stays off.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "renovation-community";

    /// <summary>SignalR's hub-method spans (.NET 9+) and Quartz 4's job and job-store spans.</summary>
    private static readonly string[] LibrarySources = ["Microsoft.AspNetCore.SignalR.Server", Quartz.Diagnostics.QuartzInstrumentation.ActivitySourceName];

    /// <summary>
    /// Beside what the ASP.NET Core instrumentation adds (hosting, Kestrel, routing, rate limiting and
    /// Microsoft.AspNetCore.Http.Connections, SignalR's connection count and duration): EF Core 9's counters, Quartz 4's
    /// job and job-store metrics and the runtime's (GC, thread pool, exceptions).
    /// </summary>
    private static readonly string[] LibraryMeters = ["Microsoft.EntityFrameworkCore", Quartz.Diagnostics.QuartzInstrumentation.MeterName, "System.Runtime"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.AddOptions<TelemetryOptions>().Bind(section);
        builder.Services.AddSingleton<OutboxLag>();
        builder.Services.AddSingleton<ProductMetrics>();

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = OtlpEndpoint(options.Otlp);
        var prometheus = PrometheusEnabled(builder);
        if (otlp is null && !prometheus)
            return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(ProductMetrics.MeterName, ProductMetrics.MeterName + ".*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(LibraryMeters);
            ((IDeferredMeterProviderBuilder)metrics).Configure((sp, b) => b.AddView(OnlyThisHost(sp.GetRequiredService<IMeterFactory>())));
            if (prometheus)
                // Every scrape collects afresh: it is authorised, so no stranger can make collection expensive, and a
                // cached answer would show a ballot recorded just now only on the next scrape.
                metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            if (otlp is not null)
                metrics.AddOtlpExporter(o => Configure(o, otlp, options.Otlp, "v1/metrics"));
        });
        if (otlp is not null)
        {
            // Query strings are recorded as "Redacted" by both instrumentations (WeChat's access_token, the hub's token).
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsPlumbing(http.Request.Path, options))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(LibrarySources)
                .AddOtlpExporter(o => Configure(o, otlp, options.Otlp, "v1/traces")));
        }
        if (prometheus)
        {
            builder.Services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, ScrapeTokenAuthentication>(ScrapeTokenAuthentication.SchemeName, null);
            builder.Services.AddAuthorizationBuilder().AddPolicy(ScrapeTokenAuthentication.Policy,
                p => p.AddAuthenticationSchemes(ScrapeTokenAuthentication.SchemeName).RequireAuthenticatedUser());
        }
        return builder;
    }

    /// <summary>The scrape path, when this node serves it; otherwise nothing is mapped and the path is unknown like any other.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        if (!PrometheusEnabled(app))
            return app;
        var path = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Prometheus.Path ?? "/metrics";
        app.MapPrometheusScrapingEndpoint(path).RequireAuthorization(ScrapeTokenAuthentication.Policy);
        return app;
    }

    private static bool PrometheusEnabled(IHostApplicationBuilder builder) => PrometheusEnabled(builder.Configuration, builder.Environment);

    private static bool PrometheusEnabled(WebApplication app) => PrometheusEnabled(app.Configuration, app.Environment);

    /// <summary>On by default in Development only; when on, a scrape token of at least 16 characters is required.</summary>
    private static bool PrometheusEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Prometheus ?? new();
        if (!(settings.Enabled ?? environment.IsDevelopment()))
            return false;
        if (settings.ScrapeToken is not { Length: >= 16 })
            throw new ConfigurationProblem("Telemetry:Prometheus is enabled but Telemetry:Prometheus:ScrapeToken is missing or shorter than 16 characters: set a random secret for the scraper, or Telemetry:Prometheus:Enabled=false.");
        if (!settings.Path.StartsWith('/'))
            throw new ConfigurationProblem("Telemetry:Prometheus:Path must start with '/'.");
        return true;
    }

    private static Uri? OtlpEndpoint(TelemetryOptions.OtlpSettings otlp)
    {
        if (string.IsNullOrWhiteSpace(otlp.Endpoint))
            return null;
        if (!Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new ConfigurationProblem("Telemetry:Otlp:Endpoint must be an absolute http(s) address, e.g. http://otel-collector:4317.");
        if (otlp.Protocol is not ("grpc" or "http/protobuf"))
            throw new ConfigurationProblem("Telemetry:Otlp:Protocol must be grpc or http/protobuf.");
        return endpoint;
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, TelemetryOptions.OtlpSettings otlp, string httpPath)
    {
        var grpc = otlp.Protocol == "grpc";
        exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        // Over HTTP an address set in code is posted to as given, so each signal gets its standard path (as the
        // OTEL_EXPORTER_OTLP_ENDPOINT variable would).
        exporter.Endpoint = grpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + httpPath);
    }

    /// <summary>Scrapes and health probes every few seconds would drown the traces of real requests.</summary>
    private static bool IsPlumbing(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments(options.Prometheus.Path) || path.StartsWithSegments("/health");

    /// <summary>
    /// Counts only the instruments of this host's meters (and process-wide ones): meters made by another host's
    /// <see cref="IMeterFactory"/> in the same process (the test suite runs many APIs side by side) share names with
    /// ours, and the SDK listens by name.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory ours) => instrument =>
        instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, ours) ? MetricStreamConfiguration.Drop : null;
}
