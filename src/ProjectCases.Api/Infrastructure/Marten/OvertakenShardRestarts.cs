using JasperFx;
using JasperFx.Events.Daemon;
using IProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;

namespace ProjectCases.Infrastructure.Marten;

/// <summary>
/// On a single node (Marten's HotCold daemon): starts again, from its stored position, a shard the daemon stopped
/// because that position was ahead of the one the shard held ("progression out of order"). It happens when a page
/// did commit but the shard never heard so (PostgreSQL restarted during the commit): Marten rolls the next page back
/// and stops the shard for good, since the same error is also its guard against two runners of one shard. Here
/// there is one runner, and a start reads the position from the database, so nothing is applied twice or skipped.
/// Stopped for any other reason (a rebuild, a pause) is left alone. In a cluster, AsyncShardAgentsCheck hands such a
/// shard back to Wolverine's leader instead. Test: Foundation/ShardOvertakenAtTheDatabase.
/// </summary>
public sealed class OvertakenShardRestarts(IProjectionCoordinator coordinator, ILogger<OvertakenShardRestarts> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>Stopped because its stored position moved on under it: never heals in place, safe to start again from there.</summary>
    public static bool WasOvertaken(ShardFailure? failure) => failure is { Category: ShardFailureCategory.ProgressionOutOfOrder };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RestartOvertakenShardsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not check the async shards for one stopped out of order; trying again in {Period}", Period);
            }
        }
    }

    private async Task RestartOvertakenShardsAsync(CancellationToken ct)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        foreach (var shard in daemon.CurrentAgents())
        {
            if (shard.Status != AgentStatus.Stopped || !WasOvertaken(shard.Failure)) continue;
            logger.LogWarning("Async shard {Shard} stopped: its stored position was ahead of its own ({Failure}); starting it again from the stored position",
                shard.Name.Identity, shard.Failure!.Message);
            await daemon.StartAgentAsync(shard.Name.Identity, ct);
        }
    }
}
