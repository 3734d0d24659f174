using Marten;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects.SampleData;

/// <summary>
/// So that the first `dotnet run` shows real data: when the store has no project at all, load the sample
/// set, and say so in the log. Off with SampleData:LoadOnEmptyDatabase=false (the tests and benchmarks).
/// </summary>
public sealed class LoadSampleDataOnEmptyDatabase(IConfiguration configuration, IDocumentStore store, SampleDataLoader loader,
    ILogger<LoadSampleDataOnEmptyDatabase> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("SampleData:LoadOnEmptyDatabase", true)) return;
        await using (var session = store.QuerySession())
        {
            if (await session.Query<ProjectStatus>().AnyAsync(stoppingToken)) return;
        }
        var result = await loader.LoadAsync(SampleFile.DefaultPath, stoppingToken);
        logger.LogInformation(
            "The database had no projects: loaded {Loaded} sample projects from SampleData/projects.json (set SampleData__LoadOnEmptyDatabase=false to start empty).",
            result.Loaded);
    }
}
