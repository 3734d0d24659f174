using System.Collections.Concurrent;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectCases.Infrastructure.Health;

/// <summary>
/// Unhealthy when an event was dead-lettered (skipped as poisoned by a projection or subscription: the
/// view is missing it until an operator replays it, docs/operations.md), naming the shard, the event's
/// sequence and the error. Also unhealthy when async projections are stalled when one of them is behind the daemon's high-water mark and has not
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
        var deadLetters = await DeadLettersAsync(ct);
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
        var problems = new List<string>();
        if (deadLetters.Count > 0) problems.Add($"Dead-lettered events (skipped until replayed): {string.Join("; ", deadLetters)}.");
        if (stalled.Count > 0) problems.Add($"Projections not advancing: {string.Join(", ", stalled)}.");
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"high-water mark {highWater}")
            : HealthCheckResult.Unhealthy(string.Join(" ", problems));
    }

    private async Task<List<string>> DeadLettersAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var count = await session.Query<DeadLetterEvent>().CountAsync(ct);
        if (count == 0) return [];
        var first = await session.Query<DeadLetterEvent>().OrderBy(d => d.EventSequence).Take(MaxNamed).ToListAsync(ct);
        var named = first.Select(d => $"{d.ProjectionName}:{d.ShardName} at sequence {d.EventSequence} ({d.ExceptionType})").ToList();
        if (count > MaxNamed) named.Add($"and {count - MaxNamed} more");
        return named;
    }

    private const int MaxNamed = 10;
}
