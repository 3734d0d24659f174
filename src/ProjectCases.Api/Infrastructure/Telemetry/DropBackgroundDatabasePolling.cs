using System.Diagnostics;
using OpenTelemetry.Trace;

namespace ProjectCases.Infrastructure.Telemetry;

/// <summary>
/// Root sampler: Wolverine's durability agent and Marten's daemon poll PostgreSQL every second; each
/// poll would be a trace of its own (a root database client span) and drown the request traces.
/// Database calls inside a request or a message handler have a parent and are always kept.
/// </summary>
public sealed class DropBackgroundDatabasePolling : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        parameters.Kind == ActivityKind.Client
            ? new SamplingResult(SamplingDecision.Drop)
            : new SamplingResult(SamplingDecision.RecordAndSample);
}
