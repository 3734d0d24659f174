using JasperFx.CommandLine;

namespace ProjectCases.Projects.SampleData;

/// <summary>`seed-sample`: loads SampleData/projects.json through the API's rules. Idempotent; exits non-zero on any refusal.</summary>
[Description("Load the sample projects through the same validation and decisions as the API (idempotent)", Name = "seed-sample")]
public class SeedSampleCommand : JasperFxAsyncCommand<NetCoreInput>
{
    /// <summary>
    /// This command loads the data itself and says what it did: the load-on-empty-database service must not race
    /// it. Called before the host's configuration is built (the command gets the already built application).
    /// </summary>
    public static void TurnOffLoadingOnEmptyDatabase(string[] args)
    {
        if (args.FirstOrDefault() == "seed-sample") Environment.SetEnvironmentVariable("SampleData__LoadOnEmptyDatabase", "false");
    }

    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        await host.StartAsync();
        var result = await host.Services.GetRequiredService<SampleDataLoader>().LoadAsync(SampleFile.DefaultPath, CancellationToken.None);
        Console.WriteLine($"Sample projects: {result.Loaded} loaded, {result.AlreadyPresent} already present, {result.Refusals.Count} refused.");
        foreach (var refusal in result.Refusals) Console.WriteLine($"  refused: {refusal}");
        await host.StopAsync();
        return result.Refusals.Count == 0;
    }
}
