using Marten;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects.SampleData;

/// <summary>
/// So that the first `dotnet run` shows real data: when the store has no project at all, load the sample set.
/// On by default in Development only (`SampleData:LoadOnEmptyDatabase`): a production database must never
/// receive invented-looking records it did not ask for. Either way the log says what happened.
/// </summary>
public sealed class LoadSampleDataOnEmptyDatabase(IConfiguration configuration, IHostEnvironment environment, IDocumentStore store,
    SampleDataLoader loader, ILogger<LoadSampleDataOnEmptyDatabase> logger) : BackgroundService
{
    public const string Setting = "SampleData:LoadOnEmptyDatabase";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configured = configuration[Setting];
        if (!configuration.GetValue(Setting, environment.IsDevelopment()))
        {
            logger.LogInformation("Sample data: not loaded ({Reason}; set SampleData__LoadOnEmptyDatabase=true to load the sample projects into an empty database).",
                configured is null ? $"off by default in the {environment.EnvironmentName} environment" : $"{Setting} is {configured}");
            return;
        }
        await using (var session = store.QuerySession())
        {
            if (await session.Query<ProjectStatus>().AnyAsync(stoppingToken))
            {
                logger.LogInformation("Sample data: not loaded (the database already has projects).");
                return;
            }
        }
        var result = await loader.LoadAsync(SampleFile.DefaultPath, stoppingToken);
        logger.LogInformation(
            "Sample data: the database had no projects, loaded {Loaded} sample projects from SampleData/projects.json (set SampleData__LoadOnEmptyDatabase=false to start empty).",
            result.Loaded);
    }
}
