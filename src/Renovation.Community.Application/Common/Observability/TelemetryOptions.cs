namespace Renovation.Community.Application.Common.Observability;

/// <summary>Section <c>Telemetry</c>: where metrics and traces go (docs/operations.md, "Metrics and traces").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public OtlpSettings Otlp { get; set; } = new();
    public PrometheusSettings Prometheus { get; set; } = new();

    /// <summary>How long one read of the outbox's oldest unpublished event serves scrapes and exports.</summary>
    public int OutboxLagCacheSeconds { get; set; } = 5;

    /// <summary><c>Telemetry:Otlp</c>: metrics and traces are pushed to a collector only when <see cref="Endpoint"/> is set.</summary>
    public sealed class OtlpSettings
    {
        /// <summary>The collector, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c> (HTTP).</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
        public string Protocol { get; set; } = "grpc";
    }

    /// <summary><c>Telemetry:Prometheus</c>: the scrape endpoint.</summary>
    public sealed class PrometheusSettings
    {
        /// <summary>On in Development, off elsewhere unless set.</summary>
        public bool? Enabled { get; set; }

        /// <summary>The secret a scraper sends as <c>Authorization: Bearer …</c>; required when the endpoint is on.</summary>
        public string? ScrapeToken { get; set; }

        public string Path { get; set; } = "/metrics";
    }
}
