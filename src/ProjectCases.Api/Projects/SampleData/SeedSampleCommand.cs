using JasperFx.CommandLine;

namespace ProjectCases.Projects.SampleData;

/// <summary>`seed-sample`: loads SampleData/projects.json through the API's rules. Idempotent; exits non-zero on any refusal.</summary>
[Description("Load the sample projects through the same validation and decisions as the API (idempotent)", Name = "seed-sample")]
public class SeedSampleCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        // This command does the loading itself, and says what it did.
        Environment.SetEnvironmentVariable("SampleData__LoadOnEmptyDatabase", "false");
        using var host = input.BuildHost();
        await host.StartAsync();
        var result = await host.Services.GetRequiredService<SampleDataLoader>().LoadAsync(SampleFile.DefaultPath, CancellationToken.None);
        Console.WriteLine($"Sample projects: {result.Loaded} loaded, {result.AlreadyPresent} already present, {result.Refusals.Count} refused.");
        foreach (var refusal in result.Refusals) Console.WriteLine($"  refused: {refusal}");
        await host.StopAsync();
        return result.Refusals.Count == 0;
    }
}
