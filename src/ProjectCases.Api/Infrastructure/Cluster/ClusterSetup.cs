using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine;
using Wolverine.Marten;

namespace ProjectCases.Infrastructure.Cluster;

/// <summary>
/// One node or several (section `Cluster`, docs/operations.md "Running several nodes"). Everything a node
/// shares with the others is in PostgreSQL already: events, documents, idempotency records, Wolverine's
/// inbox, outbox and scheduled messages, its node table and agent assignments. What this adds is who runs
/// the async projections and subscriptions, how fast a dead node is noticed, and a graceful stop.
/// </summary>
public static class ClusterSetup
{
    public static ClusterOptions AddProjectCasesCluster(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        builder.Services.AddSingleton(cluster);
        // SIGTERM: Kestrel stops listening and lets the requests in flight finish, then Wolverine finishes its
        // handlers and hands its agents back, then Marten stops; all of it within this budget (services stop
        // in reverse order of registration, and Kestrel's is registered last).
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = cluster.ShutdownTimeout);
        builder.Services.AddSingleton<Draining>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Draining>());
        builder.Services.AddHealthChecks().AddCheck<Draining>("draining", tags: ["ready"]);
        if (cluster.Enabled)
        {
            // One instance: it remembers since when each shard has not been running.
            builder.Services.AddSingleton<AsyncShardAgentsCheck>();
            builder.Services.AddHealthChecks().AddCheck<AsyncShardAgentsCheck>(AsyncShardAgentsCheck.Name, tags: ["ready"]);
            // Run periodically even when nothing polls readiness: the check is what restarts a stuck shard.
            builder.Services.AddSingleton<IHealthCheckPublisher, AsyncShardAgentsLog>();
            builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
            {
                publisher.Period = AsyncShardAgentsCheck.Period;
                publisher.Predicate = check => check.Name == AsyncShardAgentsCheck.Name;
            });
        }
        return cluster;
    }

    /// <summary>
    /// One node: Marten's HotCold daemon (a leader elected with an advisory lock runs every shard). Several:
    /// Wolverine's leader spreads the shards over the live nodes and moves those of a node that left or stopped
    /// heart-beating; Wolverine refuses this together with AddAsyncDaemon, so it is one or the other.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression RunAsyncProjections(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten, ClusterOptions cluster) =>
        cluster.Enabled
            ? marten.IntegrateWithWolverine(integration => integration.UseWolverineManagedEventSubscriptionDistribution = true)
            : marten.AddAsyncDaemon(DaemonMode.HotCold).IntegrateWithWolverine().RestartShardsOvertakenAtTheDatabase();

    private static MartenServiceCollectionExtensions.MartenConfigurationExpression RestartShardsOvertakenAtTheDatabase(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.AddHostedService<ProjectCases.Infrastructure.Marten.OvertakenShardRestarts>();
        return marten;
    }

    /// <summary>
    /// Wolverine's node settings. Balanced is Wolverine's default and is stated for the reader: every node
    /// heart-beats into `wolverine_nodes`, one is elected leader and assigns the agents (the projection shards,
    /// and the durability agent that releases scheduled messages and recovers the inbox/outbox of dead nodes).
    /// </summary>
    public static void ApplyCluster(this WolverineOptions opts, ClusterOptions cluster)
    {
        if (!cluster.Enabled) return;
        opts.Durability.Mode = DurabilityMode.Balanced;
        opts.Durability.HealthCheckPollingTime = cluster.HeartbeatInterval;
        opts.Durability.StaleNodeTimeout = cluster.StaleNodeAfter;
        opts.Durability.CheckAssignmentPeriod = cluster.CheckAssignmentsEvery;
        // Handlers still running at shutdown get a third of the budget; the rest is for requests and agents.
        opts.Durability.DrainTimeout = cluster.ShutdownTimeout / 3;
        // A shard's start that fails (the leader moved it to a node just as PostgreSQL restarted) is not retried by
        // anyone until the leader gives up waiting for it: the node records no assignment, so its own reconciliation
        // has nothing to restart, and the leader holds the shard as pending on that node for AgentProgressStallTimeout
        // (5 minutes by Wolverine's default, sized for blue/green projection versions, which this service does not
        // use). In the cluster test (issue 19) EventSealing and ProjectYearActivity ran nowhere for the whole 240 s
        // settle so. Two of Wolverine's own settings: the node retries the start for about 15 s (1, 2, 3, 4, 5 s
        // apart; Wolverine's default is 0.25 and 0.5 s, shorter than a database restart), and the leader re-decides an
        // unconfirmed start after three assignment checks.
        opts.Durability.AgentStartRetryAttempts = 5;
        opts.Durability.AgentStartRetryDelay = TimeSpan.FromSeconds(1);
        opts.Durability.AgentProgressStallTimeout = cluster.CheckAssignmentsEvery * 3;
    }
}

/// <summary>
/// After SIGTERM and before the node stops listening: readiness answers 503 for `Cluster:DrainDelay` while
/// requests are still served, so a balancer polling readiness moves traffic away first.
/// </summary>
public sealed class Draining(ClusterOptions cluster, ILogger<Draining> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _stopping;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (cluster.DrainDelay <= TimeSpan.Zero) return;
        logger.LogInformation("Stopping: not ready, still serving for {DrainDelay}", cluster.DrainDelay);
        try { await Task.Delay(cluster.DrainDelay, cancellationToken); }
        catch (OperationCanceledException) { } // the shutdown budget ran out: stop now
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("The node is shutting down.") : HealthCheckResult.Healthy());

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
