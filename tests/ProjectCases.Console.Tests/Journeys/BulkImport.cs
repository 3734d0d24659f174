using Microsoft.Playwright;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>Bulk import from the console: the template, a checked file row by row, then the real run, and a second run that records nothing.</summary>
public class BulkImport(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private static byte[] Workbook()
    {
        using var output = new MemoryStream();
        ProjectCases.Imports.Workbook.Write(output,
        [
            ("Projects", [
                ["key", "name", "nameJa", "country", "sector", "financing"],
                ["mrt", "Jakarta MRT Phase 3", "ジャカルタ MRT 第3期", "ID", "Rail", "YenLoan"],
                ["bad", "No sector", null, "ID", null, "Grant"],
            ]),
            ("Touchpoints", [
                ["project", "kind", "occurredOn", "japanLevel", "counterpart", "summary"],
                ["mrt", "TopSales", "2025-06", "Minister", "Ministry of Transportation", "Top sales for phase 3"],
            ]),
        ]);
        return output.ToArray();
    }

    private static bool OnImports(string url) => new Uri(url).AbsolutePath == "/imports";

    private async Task Check(byte[] file)
    {
        await Page.Locator("#Import_File").SetInputFilesAsync(new FilePayload { Name = "back-fill.xlsx", MimeType = "application/octet-stream", Buffer = file });
        await Submit("check", OnImports);
    }

    private async Task<IReadOnlyList<string>> Outcomes() =>
        await Page.Locator("[data-testid=import-report] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.innerText.replace(/\\s+/g, ' ').trim())");

    [Fact]
    public async Task an_officer_checks_a_workbook_row_by_row_in_japanese_records_it_and_a_second_run_records_nothing_in_english()
    {
        await SignInAs("officer", name: "tanaka");
        await Open("/imports");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("[data-testid=template]").ClickAsync());
        Assert.Equal("projectcases-import-template.xlsx", download.SuggestedFilename);
        await AssertAccessible();

        await Check(Workbook());
        var rows = await Outcomes();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("Projects 2 記録予定", rows[0]);
        Assert.StartsWith("Projects 3 却下 sector", rows[1]);
        Assert.StartsWith("Touchpoints 2 記録予定", rows[2]);
        Assert.Contains("記録予定 2 件、却下 1 件", await Page.Locator("[data-testid=import-totals]").InnerTextAsync());
        await AssertAccessible();
        await Open("/projects");
        Assert.DoesNotContain("Jakarta MRT Phase 3", await MainText()); // the dry run recorded nothing

        await Open("/imports");
        await Check(Workbook());
        await Submit("record", OnImports);
        rows = await Outcomes();
        Assert.StartsWith("Projects 2 記録", rows[0]);
        Assert.DoesNotContain("記録予定", rows[0]);
        Assert.Contains("記録 2 件、却下 1 件", await Page.Locator("[data-testid=import-totals]").InnerTextAsync());
        await Open("/projects");
        Assert.Contains("Jakarta MRT Phase 3", await MainText());

        await SwitchToEnglish();
        await Open("/imports");
        await Check(Workbook());
        rows = await Outcomes();
        Assert.StartsWith("Projects 2 Already recorded", rows[0]);
        Assert.StartsWith("Touchpoints 2 Already recorded", rows[2]);
        Assert.Equal(0, await Page.Locator("[data-testid=record-form]").CountAsync()); // nothing left to record
    }

    [Fact]
    public async Task a_file_that_is_not_an_import_is_refused_on_the_form()
    {
        await SignInAs("officer", name: "tanaka");
        await SwitchToEnglish();
        await Open("/imports");
        await Page.Locator("#Import_File").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await Submit("check", OnImports);
        Assert.Contains("neither an .xlsx workbook nor a .csv file", await Page.Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.Equal(0, await Page.Locator("[data-testid=import-report]").CountAsync());
    }
}
