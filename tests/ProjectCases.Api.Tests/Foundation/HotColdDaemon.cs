using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// With the real Patched.DistributedLock.Postgres the HotCold daemon elects its leader with Marten's own
/// advisory locks; the stand-in era's UseAdvisoryLockTransaction is off (docs/package-history.md).
/// </summary>
public class HotColdDaemon(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task without_the_advisory_lock_transaction_a_leader_runs_every_async_projection_and_they_catch_up()
    {
        var store = (DocumentStore)Store;
        Assert.False(store.Options.Events.UseAdvisoryLockTransaction);

        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-10"), 201);
        // The rules append events of their own (the task, and its overdue mark when its date has passed), so wait
        // until a round of waiting leaves nothing newer than what every shard has processed.
        long highWater = 0;
        IReadOnlyList<JasperFx.Events.Projections.ShardState> progress = [];
        for (var round = 0; round < 20; round++)
        {
            await WaitForProjections();
            highWater = (await store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;
            progress = await store.Advanced.AllProjectionProgress();
            if (progress.Where(p => p.ShardName != "HighWaterMark").All(p => p.Sequence == highWater)) break;
        }

        // The leader holds one running agent per async projection and subscription shard.
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        var running = daemon.CurrentAgents().Select(a => a.Name.Identity).Order().ToList();
        var expected = store.Options.Projections.AllShards().Select(s => s.Name.Identity).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, running);

        // And their progress reached the store's last event: nothing is left behind.
        Assert.All(progress.Where(p => p.ShardName != "HighWaterMark"), p => Assert.Equal(highWater, p.Sequence));
    }
}
