using System.Security.Claims;
using JasperFx.CommandLine;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Imports;

public class ImportInput : NetCoreInput
{
    [Description("The .xlsx workbook (the template's sheets) or .csv file (one kind, named by the file name's start)")]
    public string File { get; set; } = "";

    [Description("Report what each row would do and record nothing")]
    public bool DryRunFlag { get; set; }

    [Description("The user name the events are recorded under (default system:import)")]
    public string AsFlag { get; set; } = DefaultUser;

    public const string DefaultUser = "system:import";
}

/// <summary>
/// `import &lt;file&gt; [--dry-run] [--as name]`: the same rows, validation and decisions as POST /api/imports, with the rows
/// done out of the total on the console while it runs, then the row report. Exits non-zero when a row was refused.
/// </summary>
[Description("Import projects, touchpoints, agreements and awards from a workbook or CSV (docs/import.md)", Name = "import")]
public class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        Environment.SetEnvironmentVariable("SampleData__LoadOnEmptyDatabase", "false");
        if (!System.IO.File.Exists(input.File))
        {
            Console.Error.WriteLine($"No file {input.File}.");
            return false;
        }
        using var host = input.BuildHost();
        await host.StartAsync();
        try
        {
            var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value;
            await using var content = System.IO.File.OpenRead(input.File);
            var (rows, problem) = ImportFile.Read(content, input.File, options.MaxRows);
            if (problem is not null)
            {
                Console.Error.WriteLine($"{problem.Title}: {problem.Detail}");
                return false;
            }
            var user = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, input.AsFlag), new Claim(ClaimTypes.Role, Roles.Officer)], "command-line", ClaimTypes.Name, ClaimTypes.Role));
            using var scope = host.Services.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            var report = await runner.RunAsync(rows, user, input.DryRunFlag, Progress, CancellationToken.None);
            Console.WriteLine();
            foreach (var row in report.Rows) Console.WriteLine($"{row.Sheet} row {row.Row}: {row.Outcome}{(row.Detail is null ? "" : $" - {row.Detail}")}");
            Console.WriteLine($"{(report.DryRun ? "Dry run: would record" : "Recorded")} {report.Recorded}, refused {report.Refused}, already recorded {report.AlreadyRecorded} (as {input.AsFlag}).");
            return report.Refused == 0;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>One line rewritten in place: rows done out of the total.</summary>
    private static void Progress(int done, int total)
    {
        if (done == total || done % 50 == 0) Console.Write($"\r{done} / {total} rows ({done * 100 / total}%)");
    }
}
