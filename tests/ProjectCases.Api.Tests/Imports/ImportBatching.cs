using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Imports;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Api.Tests.Imports;

/// <summary>
/// What writing many rows with one SaveChanges (ImportBatch) must not change: rows on one project decide on the rows before
/// them and each moves the project's version on by one; a write by someone else while a batch is decided is caught at its
/// SaveChanges and the batch is redone row by row, losing and doubling nothing.
/// </summary>
public class ImportBatching(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string?[] TouchpointHeader = ["project", "kind", "occurredOn", "japanLevel", "counterpart", "summary"];

    private static string?[] Touchpoint(string? project, string summary) => [project, "Seminar", "2025-05", "Official", "JICA", summary];

    [Fact]
    public async Task rows_on_one_project_in_one_batch_are_all_recorded_and_the_version_moves_on_by_one_a_row()
    {
        var existing = await GivenProjects.Registered(Host); // version 1
        var file = ImportFiles.Workbook(
            ("Projects", [["key", "name", "country", "sector", "financing"], ["new", "Port of Cai Mep", "VN", "Port", "YenLoan"]]),
            ("Touchpoints", [TouchpointHeader,
                Touchpoint("new", "First seminar"), Touchpoint(existing.ToString(), "First seminar"),
                Touchpoint("new", "Second seminar"), Touchpoint(existing.ToString(), "Second seminar")]),
            ("Agreements", [["project", "agreementType", "level", "title", "parties", "signedOn"],
                [existing.ToString(), "MOC", "Administrative", "MOC on rail", "Japan; India", "FY2025"]]));

        var report = await RunAsync(file, progress: null);

        Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.Recorded, r.Outcome));
        Assert.Equal(3, await StreamVersion(ImportCommands.ProjectId("new")));
        Assert.Equal(4, await StreamVersion(existing));
        var project = new ProjectApi(Host, existing);
        var detail = await project.Read();
        Assert.Equal(2, detail.GetProperty("touchpoints").GetArrayLength());
        Assert.Equal(1, detail.GetProperty("agreementCount").GetInt32());
        // The stored write model followed all three rows: the next single write at version 4 is accepted.
        await project.Send($"/api/projects/{existing}/touchpoints", ProjectApi.Touchpoint(occurredOn: "2025-06-01"), 201, ifMatch: "\"4\"");
        var registered = ImportCommands.ProjectId("new");
        await project.Send($"/api/projects/{registered}/touchpoints", ProjectApi.Touchpoint(occurredOn: "2025-06-01"), 201, ifMatch: "\"3\"");
    }

    [Fact]
    public async Task a_touchpoint_for_several_projects_among_batched_rows_on_them_is_recorded_once_on_each()
    {
        var a = await GivenProjects.Registered(Host);
        var b = await GivenProjects.Registered(Host, GivenProjects.RailProject("Jakarta MRT", "ID"));
        string?[] header = [.. TouchpointHeader, "alsoForProjectIds"];
        var file = ImportFiles.Workbook(("Touchpoints", [header,
            [.. Touchpoint(a.ToString(), "On A"), null], [.. Touchpoint(a.ToString(), "On A and B"), b.ToString()],
            [.. Touchpoint(b.ToString(), "On B"), null], [.. Touchpoint(a.ToString(), "On A again"), null]]));

        var report = await RunAsync(file, progress: null);

        Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.Recorded, r.Outcome));
        Assert.Equal(4, await StreamVersion(a));
        Assert.Equal(3, await StreamVersion(b));
        await new ProjectApi(Host, b).Send($"/api/projects/{b}/touchpoints", ProjectApi.Touchpoint(occurredOn: "2025-06-01"), 201, ifMatch: "\"3\"");
    }

    [Fact]
    public async Task a_write_to_a_project_while_its_batch_is_decided_is_caught_and_the_batch_is_redone_row_by_row()
    {
        var existing = await GivenProjects.Registered(Host); // version 1
        var file = ImportFiles.Workbook(("Touchpoints", [TouchpointHeader,
            Touchpoint(existing.ToString(), "Seminar one"), Touchpoint(existing.ToString(), "Seminar two"), Touchpoint(existing.ToString(), "Seminar three")]));
        var rowsDecided = 0;
        var written = false;

        var report = await RunAsync(file, (done, _) =>
        {
            rowsDecided++;
            if (done != 1 || written) return;
            written = true; // after the batch fetched the project, before its SaveChanges: version 2 meanwhile
            Task.Run(() => new ProjectApi(Host, existing).Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2025-04-01"), 201)).GetAwaiter().GetResult();
        });

        Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.Recorded, r.Outcome));
        Assert.Equal(6, rowsDecided); // three in the batch that failed at SaveChanges, three again one by one
        Assert.Equal(5, await StreamVersion(existing));
        var touchpoints = (await new ProjectApi(Host, existing).Read()).GetProperty("touchpoints");
        Assert.Equal(4, touchpoints.GetArrayLength());
    }

    [Fact]
    public async Task a_row_without_its_project_is_refused_among_rows_that_are_recorded()
    {
        var existing = await GivenProjects.Registered(Host);
        var file = ImportFiles.Workbook(("Touchpoints", [TouchpointHeader,
            Touchpoint(existing.ToString(), "Seminar one"), Touchpoint(null, "No project named"), Touchpoint(existing.ToString(), "Seminar two")]));

        var report = await RunAsync(file, progress: null);

        Assert.Equal([ImportOutcome.Recorded, ImportOutcome.Refused, ImportOutcome.Recorded], report.Rows.Select(r => r.Outcome));
        Assert.Equal(3, await StreamVersion(existing));
    }

    private async Task<ImportReport> RunAsync(byte[] file, Action<int, int>? progress)
    {
        var (rows, problem) = ImportFile.Read(new MemoryStream(file), "batching.xlsx", 1000);
        Assert.Null(problem);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "Sato Hanako"), new Claim(ClaimTypes.Role, Roles.Officer)], "test", ClaimTypes.Name, ClaimTypes.Role));
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(rows, user, dryRun: false, progress, CancellationToken.None);
    }
}
