using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProjectCases.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    public const string ServiceName = "projectcases";

    /// <summary>
    /// Traces (ASP.NET Core, Wolverine, Marten, Npgsql) and metrics (runtime, ASP.NET Core, Wolverine,
    /// Marten), exported over OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set. Without an endpoint no
    /// tracer listens at all: spans that go nowhere cost every write about 26 KB of allocations and a few percent of
    /// the service's CPU (docs/benchmarks, "Fifth look at issue 15"). Console logs carry the trace and span ids as
    /// scopes either way (ASP.NET Core starts the request's activity for logging), so a log line can be matched to its
    /// trace, and events keep the request's trace id as their correlation id.
    /// </summary>
    public static WebApplicationBuilder AddProjectCasesTelemetry(this WebApplicationBuilder builder)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName));
        if (exportOtlp)
            telemetry.WithTracing(tracing => tracing.SetSampler(new ParentBasedSampler(new DropBackgroundDatabasePolling()))
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Wolverine", "Marten")
                .AddOtlpExporter());
        telemetry.WithMetrics(metrics =>
            {
                metrics.AddRuntimeInstrumentation()
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Wolverine", "Marten");
                if (exportOtlp) metrics.AddOtlpExporter();
            });
        if (exportOtlp) telemetry.WithLogging(logging => logging.AddOtlpExporter());
        return builder;
    }
}
