using System.Collections.Concurrent;
using JasperFx;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace ProjectCases.Infrastructure.Cluster;

/// <summary>
/// In a cluster: this node's async shards (Wolverine's event-subscription agents) are running and advancing, and one
/// that stopped for good is handed back to the leader. Part of readiness, and also run every
/// <see cref="Period"/> whether or not anything polls readiness (<see cref="AsyncShardAgentsLog"/>), because what it
/// runs is what restarts a stuck shard:
/// - a running shard: Wolverine's own health check of the agent, which restarts a shard that has not advanced for a
///   minute while behind the high-water mark (three times, then the node releases it to another node). Wolverine only
///   runs it when something calls it; nothing in the service did, so a wedged shard stayed wedged (issue 19);
/// - a shard Stopped while still assigned here for longer than <see cref="GiveBackAfter"/>: Wolverine's node sweep
///   restarts a shard paused on a transient failure, but never a Stopped one that reports a failure (a progression
///   written out of order by a second copy of the shard, or a start that left it stopped), and the leader counts it as
///   running because its assignment row exists. Stopping it through Wolverine (IAgentRuntime.StopLocallyAsync) deletes
///   the assignment, and the leader's next assignment check starts it again on a live node, from its last committed
///   position. That is the only thing this adds to Wolverine.
/// Not running (stopped or paused) for longer than <see cref="GiveBackAfter"/> is Unhealthy, naming the shard and its
/// failure; behind or stalled (Wolverine's verdict) is Degraded: readiness stays 200, the JSON body says why.
/// </summary>
public sealed class AsyncShardAgentsCheck(IWolverineRuntime runtime, TimeProvider clock, ILogger<AsyncShardAgentsCheck> logger) : IHealthCheck
{
    public const string Name = "async-shards";
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan GiveBackAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Uri, DateTimeOffset> _notRunningSince = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // Only a clustered node has a node controller (Wolverine's managed distribution); one node runs Marten's daemon.
        if (runtime is not WolverineRuntime { NodeController: { } controller }) return HealthCheckResult.Healthy("no agents on this node");
        var now = clock.GetUtcNow();
        var stopped = new List<string>();
        var lagging = new List<string>();
        foreach (var (uri, agent) in controller.Agents.ToArray())
        {
            if (agent is not IEventSubscriptionAgent shard || shard.IsRebuilding) continue;
            if (shard.Status == AgentStatus.Running)
            {
                _notRunningSince.TryRemove(uri, out _);
                var verdict = await shard.CheckHealthAsync(context, ct);
                if (verdict.Status != HealthStatus.Healthy) lagging.Add(verdict.Description ?? uri.ToString());
                continue;
            }
            var since = _notRunningSince.GetOrAdd(uri, now);
            if (now - since < GiveBackAfter) continue;
            var failure = shard.Failure is { } f ? $"{f.Category}: {f.RootExceptionType}: {f.Message}" : "no failure reported";
            stopped.Add($"{uri} {shard.Status} since {since:HH:mm:ss} ({failure})");
            if (shard.Status != AgentStatus.Stopped || !_notRunningSince.TryRemove(uri, out _)) continue;
            logger.LogWarning("Async shard {Agent} has been stopped on this node since {Since} ({Failure}) while still assigned here; " +
                "giving it back to the leader, which starts it again on a live node", uri, since, failure);
            try
            {
                await runtime.Agents.StopLocallyAsync(uri);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not give async shard {Agent} back to the leader; trying again at the next check", uri);
            }
        }
        foreach (var gone in _notRunningSince.Keys.Where(uri => !controller.Agents.ContainsKey(uri))) _notRunningSince.TryRemove(gone, out _);
        if (stopped.Count > 0)
            return HealthCheckResult.Unhealthy($"Async shards not running on this node: {string.Join("; ", stopped)}.");
        return lagging.Count > 0
            ? HealthCheckResult.Degraded(string.Join(" ", lagging))
            : HealthCheckResult.Healthy($"{controller.Agents.Count} agents on this node");
    }
}

/// <summary>
/// Runs <see cref="AsyncShardAgentsCheck"/> every <see cref="AsyncShardAgentsCheck.Period"/> (ASP.NET Core's health
/// check publisher) and logs what is not healthy, so that a stuck shard is restarted and an operator sees it in the
/// log even where nothing polls /health/ready.
/// </summary>
public sealed class AsyncShardAgentsLog(ILogger<AsyncShardAgentsLog> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken ct)
    {
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            // Behind under load is normal (Information); not running for half a minute is not (Error).
            var level = entry.Status == HealthStatus.Unhealthy ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, entry.Exception, "{Check} is {Status}: {Description}", name, entry.Status, entry.Description);
        }
        return Task.CompletedTask;
    }
}
