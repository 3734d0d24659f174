using System.Collections.Concurrent;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using ProjectCases.Infrastructure.Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace ProjectCases.Infrastructure.Cluster;

/// <summary>
/// In a cluster: this node's async shards (Wolverine's event-subscription agents) run and advance, and one that
/// stopped for good is handed back to the leader. Part of readiness, and also run every <see cref="Period"/> whether
/// or not anything polls readiness (<see cref="AsyncShardAgentsLog"/>), because what it runs is what restarts a
/// stuck shard. What Wolverine already does, and what this adds (issue 19: the follow-up rules stayed at one event
/// for four minutes while all three nodes heart-beat and readiness stayed green):
/// - Wolverine's node sweep restarts a shard paused on a transient failure (after 2 s, then with a doubling wait up
///   to 5 minutes, for ever) and starts a shard assigned here but not registered; the leader assigns a shard nobody
///   holds. It never restarts a shard that is Stopped with a failure (a progression written out of order by a second
///   copy of the shard, or a start that left it stopped), nor one paused on a failure JasperFx does not classify as
///   transient (during a database restart that can be an error with no database exception in its chain), and the
///   leader counts such a shard as running because its assignment row exists: stopped for good.
/// - Wolverine's own health check of an agent restarts a running shard that has not advanced for a minute while
///   behind its daemon's high-water mark (three times, then the node releases it to another node), but only when
///   something calls it; nothing did. This calls it for every running shard of the node.
/// - Added here: a shard of this node stopped, or paused on a failure that is not transient, for
///   <see cref="GiveBackAfter"/> (at once when stopped "out of order": that never heals in place), or running but behind the store's
///   high-water mark without moving for <see cref="StalledAfter"/> (seen in PostgreSQL, so also when the node's own
///   high-water tracking is what stopped), is stopped through Wolverine (IAgentRuntime.StopLocallyAsync), which
///   deletes its assignment; the leader's next assignment check (Cluster:CheckAssignmentsEvery) starts it again on a
///   live node from its last committed position.
/// Unhealthy: a shard not running for <see cref="GiveBackAfter"/> or stalled, naming it and its failure. Degraded
/// (readiness stays 200, the JSON body says why): behind or slow by Wolverine's own measure.
/// </summary>
public sealed class AsyncShardAgentsCheck(IWolverineRuntime runtime, IDocumentStore store, TimeProvider clock, ILogger<AsyncShardAgentsCheck> logger)
    : IHealthCheck
{
    public const string Name = "async-shards";
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan GiveBackAfter = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StalledAfter = TimeSpan.FromSeconds(90);

    /// <summary>Per agent: its last status and position, and since when they have not changed.</summary>
    private readonly ConcurrentDictionary<Uri, (AgentStatus Status, long Sequence, DateTimeOffset Since)> _seen = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // Only a clustered node has a node controller (Wolverine's managed distribution); one node runs Marten's daemon.
        if (runtime is not WolverineRuntime { NodeController: { } controller }) return HealthCheckResult.Healthy("no agents on this node");
        var (positions, highWater) = await PositionsAsync(ct);
        var now = clock.GetUtcNow();
        var stuck = new List<string>();
        var lagging = new List<string>();
        foreach (var (uri, agent) in controller.Agents.ToArray())
        {
            if (agent is not IEventSubscriptionAgent shard || shard.IsRebuilding) continue;
            var status = shard.Status;
            var sequence = positions.GetValueOrDefault(ShardOf(uri), -1);
            var seen = _seen.AddOrUpdate(uri, (status, sequence, now),
                (_, previous) => previous.Status == status && previous.Sequence == sequence ? previous : (status, sequence, now));
            if (status == AgentStatus.Running)
            {
                var verdict = await shard.CheckHealthAsync(context, ct); // Wolverine's: may restart the shard in place
                if (verdict.Status != HealthStatus.Healthy) lagging.Add(verdict.Description ?? uri.ToString());
            }
            var stalled = status == AgentStatus.Running && sequence >= 0 && sequence < highWater && now - seen.Since > StalledAfter;
            // Stopped out of order (its stored position moved on under it, e.g. a commit whose answer PostgreSQL's restart
            // lost) never heals where it is: given back at once, the leader starts it again from the stored position.
            var notRunning = status != AgentStatus.Running
                && (now - seen.Since > GiveBackAfter || OvertakenShardRestarts.WasOvertaken(shard.Failure));
            if (!stalled && !notRunning) continue;
            var failure = shard.Failure is { } f ? $"{f.Category}: {f.RootExceptionType}: {f.Message}" : "no failure reported";
            var problem = $"{uri} {(stalled ? $"running but at {sequence} of {highWater}" : status.ToString())} since {seen.Since:HH:mm:ss} ({failure})";
            stuck.Add(problem);
            // Paused on a transient failure: Wolverine's sweep restarts it, with a growing wait that must not be cut short
            // (a shard failing on a starved pool must not add load to it). Every other stuck state is nobody's to restart.
            if (status == AgentStatus.Paused && shard.Failure is { IsTransient: true }) continue;
            if (!_seen.TryRemove(uri, out _)) continue;
            logger.LogWarning("Async shard {Problem}: giving it back to the leader, which starts it again on a live node", problem);
            try
            {
                await runtime.Agents.StopLocallyAsync(uri);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not give async shard {Agent} back to the leader; trying again at the next check", uri);
            }
        }
        foreach (var gone in _seen.Keys.Where(uri => !controller.Agents.ContainsKey(uri))) _seen.TryRemove(gone, out _);
        if (stuck.Count > 0) return HealthCheckResult.Unhealthy($"Async shards stuck on this node: {string.Join("; ", stuck)}.");
        return lagging.Count > 0
            ? HealthCheckResult.Degraded(string.Join(" ", lagging))
            : HealthCheckResult.Healthy($"{controller.Agents.Count} agents on this node");
    }

    /// <summary>Committed positions by shard (`followuprules:all`) and the store's high-water mark; none while the database is away.</summary>
    private async Task<(Dictionary<string, long> Positions, long HighWater)> PositionsAsync(CancellationToken ct)
    {
        try
        {
            var progress = await store.Advanced.AllProjectionProgress(token: ct);
            return (progress.Where(p => p.ShardName != ShardState.HighWaterMark).ToDictionary(p => p.ShardName.ToLowerInvariant(), p => p.Sequence),
                progress.FirstOrDefault(p => p.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0);
        }
        catch (Exception e) when (Errors.TransientFailures.IsDatabaseUnavailable(e))
        {
            return ([], 0); // the database check says so; without positions nothing is judged stalled
        }
    }

    /// <summary>`event-subscriptions://marten/main/{database}/followuprules/all` → `followuprules:all` (its progression row, lower-cased).</summary>
    private static string ShardOf(Uri agent) => string.Join(':', agent.AbsolutePath.Trim('/').Split('/')[^2..]).ToLowerInvariant();
}

/// <summary>
/// Runs <see cref="AsyncShardAgentsCheck"/> every <see cref="AsyncShardAgentsCheck.Period"/> (ASP.NET Core's health
/// check publisher) and logs what is not healthy, so that a stuck shard is restarted, and an operator sees it in the
/// log, even where nothing polls /health/ready.
/// </summary>
public sealed class AsyncShardAgentsLog(ILogger<AsyncShardAgentsLog> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken ct)
    {
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            // Behind under load is normal (Information); stuck is not (Error).
            var level = entry.Status == HealthStatus.Unhealthy ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, entry.Exception, "{Check} is {Status}: {Description}", name, entry.Status, entry.Description);
        }
        return Task.CompletedTask;
    }
}
