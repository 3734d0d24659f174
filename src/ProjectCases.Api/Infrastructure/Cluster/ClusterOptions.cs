namespace ProjectCases.Infrastructure.Cluster;

/// <summary>
/// Configuration section `Cluster` (docs/operations.md, "Running several nodes"). Off by default: one node,
/// Marten's HotCold daemon, nothing to tune. On: any number of identical nodes on one PostgreSQL, Wolverine's
/// leader spreading the async projections and subscriptions over them and moving the agents of a node that
/// left or died.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>Run as one of several identical nodes (Wolverine-managed distribution of the async work).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How often each node writes its heartbeat and the leader re-evaluates the assignments (Wolverine's
    /// `HealthCheckPollingTime`). Shorter notices a dead node sooner at the price of a few more small queries.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A node whose last heartbeat is older than this is treated as gone and its agents are given to the
    /// others (Wolverine's `StaleNodeTimeout`, 60 s by default). Keep it several heartbeats long: a live node
    /// that misses it (a long GC pause, a starved CPU) loses its agents and gets them back later.
    /// </summary>
    public TimeSpan StaleNodeAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the leader re-evaluates the assignments from the node and assignment rows (Wolverine's
    /// `CheckAssignmentPeriod`, 30 s by default): shards held by nobody are assigned, those of departed nodes moved.
    /// It does not see whether an assigned shard really runs: each node's reconciliation and AsyncShardAgentsCheck do.
    /// Three periods are also how long the leader waits for a start it sent to be confirmed (ClusterSetup).
    /// </summary>
    public TimeSpan CheckAssignmentsEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After SIGTERM: how long /health/ready answers 503 while the node still serves, so that a load balancer
    /// or orchestrator that polls readiness stops sending it new requests before it stops listening. Zero on
    /// one node (nobody else could take them); a few seconds (longer than the balancer's check interval)
    /// behind a balancer that does not retry refused connections.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The most a graceful stop may take in all: the drain delay, requests in flight, handlers in flight and
    /// handing the agents back (`HostOptions.ShutdownTimeout`). An orchestrator's grace period (Kubernetes'
    /// `terminationGracePeriodSeconds`, Docker's `stop_grace_period`) must be longer, or it kills the node first.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
