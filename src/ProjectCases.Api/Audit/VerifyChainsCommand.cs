using JasperFx.CommandLine;
using ProjectCases.Audit.Sealing;

namespace ProjectCases.Audit;

/// <summary>`verify-chains`: checks every stream's hash chain; progress on stderr; exits non-zero on a break.</summary>
[Description("Verify the tamper-evidence hash chain of every stream", Name = "verify-chains")]
public class VerifyChainsCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        Environment.SetEnvironmentVariable("SampleData__LoadOnEmptyDatabase", "false");
        using var host = input.BuildHost();
        await host.StartAsync();
        var stored = host.Services.GetRequiredService<StoredEvents>();
        var verifier = host.Services.GetRequiredService<ChainVerifier>();
        var streams = await stored.AllStreamIds(CancellationToken.None);
        var broken = 0;
        for (var i = 0; i < streams.Count; i++)
        {
            var verdict = await verifier.VerifyAsync(streams[i], CancellationToken.None);
            if (!verdict.Valid)
            {
                broken++;
                Console.WriteLine($"BROKEN stream {streams[i]} at version {verdict.BrokenAtVersion}");
            }
            if ((i + 1) % 100 == 0 || i + 1 == streams.Count) Console.Error.Write($"\rverified {i + 1}/{streams.Count} streams, {broken} broken");
        }
        Console.Error.WriteLine();
        Console.WriteLine(broken == 0 ? $"All {streams.Count} streams verified: every sealed event matches its chain." : $"{broken} of {streams.Count} streams are broken.");
        await host.StopAsync();
        return broken == 0;
    }
}
