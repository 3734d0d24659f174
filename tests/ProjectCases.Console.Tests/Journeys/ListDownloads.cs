using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>Issue 17 item 4: a list page's "CSV" / "Excel" links download every row its filters select, in either language.</summary>
public class ListDownloads(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private async Task<byte[]> Download(string linkText)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        Assert.Matches(@"^projects-\d{4}-\d{2}-\d{2}\.(csv|xlsx)$", download.SuggestedFilename);
        return await File.ReadAllBytesAsync(path);
    }

    [Fact]
    public async Task an_officer_downloads_the_filtered_project_list_as_csv_in_japanese_and_as_excel_in_english()
    {
        await Api.RegisteredProject("Metro Manila Subway", "マニラ首都圏地下鉄", "PH");
        await Api.RegisteredProject("North-South Commuter Railway", "南北通勤鉄道", "PH");
        await Api.RegisteredProject("Jakarta MRT North-South Line", "ジャカルタ都市高速鉄道南北線", "ID");
        await SignInAs("officer", name: "yamada");

        await Open("/projects?country=PH");
        Assert.Contains("条件に合う全件をダウンロード", await MainText());
        var csv = await Download("CSV");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name,nameJa,", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("マニラ首都圏地下鉄"));
        Assert.Contains(lines, l => l.Contains("南北通勤鉄道"));
        Assert.DoesNotContain(lines, l => l.Contains("Jakarta"));

        await SwitchToEnglish();
        Assert.Contains("Download every matching row", await MainText());
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await Download("Excel")), isEditable: false);
        var names = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1)
            .Select(row => row.Elements<Cell>().ElementAt(1).InnerText).ToList();
        Assert.Equal(["Metro Manila Subway", "North-South Commuter Railway"], names);
    }
}
