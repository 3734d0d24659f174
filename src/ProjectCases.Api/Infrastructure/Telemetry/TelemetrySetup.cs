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
    /// Marten), exported over OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set. Console logs
    /// carry the trace and span ids as scopes, so a log line can be matched to its trace.
    /// </summary>
    public static WebApplicationBuilder AddProjectCasesTelemetry(this WebApplicationBuilder builder)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new DropBackgroundDatabasePolling()))
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("Wolverine", "Marten");
                if (exportOtlp) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
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
