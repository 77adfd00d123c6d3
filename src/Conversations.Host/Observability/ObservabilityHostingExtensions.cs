using Conversations.Host.Access;
using Conversations.Storage.GroupCommit;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Conversations.Host.Observability;

public static class ObservabilityHostingExtensions
{
    public const string ServiceName = "orleans-conversations";
    public const string MetricsPath = "/metrics";

    /// <summary>The service's own meters: webhooks, identity, signals, group commits.</summary>
    private const string ConversationsMeters = "Orleans.Conversations.*";

    /// <summary>The standard OpenTelemetry setting that names an OTLP collector; without it nothing is exported over OTLP.</summary>
    private const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry metrics (Orleans', ASP.NET Core's, Npgsql's and the service's own), readable as Prometheus text at
    /// <see cref="MetricsPath"/>; with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, metrics, traces and logs are also exported
    /// over OTLP, and a webhook's trace runs from its request through the lead grain to its commit.
    /// </summary>
    public static void AddConversationsObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WebhookMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter("Microsoft.Orleans", ConversationsMeters)
                // Orleans' per-message and per-call instruments, recorded tens of thousands of times a second under load,
                // cost about a third of the durable events/s when listened to (measured); the rest of its meters stay.
                .AddView("orleans-messaging-*", MetricStreamConfiguration.Drop)
                .AddView("orleans-app-requests-latency", MetricStreamConfiguration.Drop)
                .AddView("orleans-streams-*", MetricStreamConfiguration.Drop)
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey])) return;
        // Spans cost on every call only while something listens, so tracing is on only when it goes somewhere.
        telemetry
            .WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", GroupCommitTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddNpgsql())
            .UseOtlpExporter();
    }

    /// <summary>Prometheus text at <see cref="MetricsPath"/>, for operators with the read scope.</summary>
    public static IEndpointConventionBuilder MapMetricsApi(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription().RequireOperatorRead();
}
