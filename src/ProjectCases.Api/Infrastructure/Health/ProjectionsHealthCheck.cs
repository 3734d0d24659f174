using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectCases.Infrastructure.Health;

/// <summary>
/// Async projections are stalled when one of them is behind the daemon's high-water mark and has not
/// moved for <see cref="StallAfter"/>: behind alone is normal under load, behind and still is not.
/// Positions are read from Marten's progression table, so any node can answer, not only the leader.
/// </summary>
public sealed class ProjectionsHealthCheck(IDocumentStore store, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan StallAfter = TimeSpan.FromMinutes(2);
    private const string HighWaterMark = "HighWaterMark";

    private readonly ConcurrentDictionary<string, (long Sequence, DateTimeOffset Since)> _lastSeen = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var highWater = progress.FirstOrDefault(p => p.ShardName == HighWaterMark)?.Sequence ?? 0;
        var now = clock.GetUtcNow();
        var stalled = new List<string>();
        foreach (var shard in progress.Where(p => p.ShardName != HighWaterMark))
        {
            var seen = _lastSeen.AddOrUpdate(shard.ShardName, (shard.Sequence, now),
                (_, previous) => previous.Sequence == shard.Sequence ? previous : (shard.Sequence, now));
            if (shard.Sequence < highWater && now - seen.Since > StallAfter)
                stalled.Add($"{shard.ShardName} at {shard.Sequence} of {highWater}");
        }
        return stalled.Count == 0
            ? HealthCheckResult.Healthy($"high-water mark {highWater}")
            : HealthCheckResult.Unhealthy($"Projections not advancing: {string.Join(", ", stalled)}.");
    }
}
