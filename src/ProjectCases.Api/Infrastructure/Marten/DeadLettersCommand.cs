using JasperFx.CommandLine;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;

namespace ProjectCases.Infrastructure.Marten;

public class DeadLettersInput : NetCoreInput
{
    [Description("Replay every dead-lettered event (rewind subscriptions, rebuild projections), then wait until all shards have caught up")]
    public bool ReplayFlag { get; set; }
}

/// <summary>
/// `dead-letters`: lists the events the async daemon skipped as poisoned; `dead-letters --replay` replays them
/// after the cause is fixed. Replay with the service stopped (on every node): this command then runs the
/// daemon itself, and no other daemon races its rewinds and rebuilds. Exits non-zero while any remain.
/// </summary>
[Description("List (or --replay) the events the async daemon dead-lettered", Name = "dead-letters")]
public class DeadLettersCommand : JasperFxAsyncCommand<DeadLettersInput>
{
    public override async Task<bool> Execute(DeadLettersInput input)
    {
        Environment.SetEnvironmentVariable("SampleData__LoadOnEmptyDatabase", "false");
        using var host = input.BuildHost();
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var letters = await DeadLetters.ListAsync(store, CancellationToken.None);
        foreach (var d in letters)
            Console.WriteLine($"{d.ProjectionName}:{d.ShardName} sequence {d.EventSequence} at {d.Timestamp:O}: {d.ExceptionType}: {d.ExceptionMessage}");
        Console.WriteLine($"{letters.Count} dead-lettered event(s).");

        if (input.ReplayFlag && letters.Count > 0)
        {
            var coordinator = host.Services.GetRequiredService<IProjectionCoordinator>();
            await coordinator.PauseAsync();
            try
            {
                foreach (var line in await DeadLetters.ReplayAsync(store, coordinator.DaemonForMainDatabase(), CancellationToken.None)) Console.WriteLine(line);
            }
            finally
            {
                await coordinator.ResumeAsync();
                await coordinator.DaemonForMainDatabase().StartAllAsync();
            }
            await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(5));
            letters = await DeadLetters.ListAsync(store, CancellationToken.None);
            Console.WriteLine($"After the replay: {letters.Count} dead-lettered event(s).");
        }
        await host.StopAsync();
        return letters.Count == 0;
    }
}
