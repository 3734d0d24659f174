using System.Text.Json;
using ProjectCases.Api.Tests.Documents;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Imports;

namespace ProjectCases.Api.Tests.Imports;

public class ImportScenarios(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string?[] ProjectHeader = ["key", "name", "country", "sector", "financing", "ministry"];
    private static readonly string?[] TouchpointHeader = ["project", "kind", "occurredOn", "japanLevel", "counterpart", "summary"];
    private static readonly string?[] AgreementHeader = ["project", "agreementType", "level", "title", "parties", "signedOn"];
    private static readonly string?[] AwardHeader = ["project", "package", "winner", "japaneseWinner", "awardType", "scope", "awardedOn"];

    /// <summary>Sheets in an order other than the processing order: projects are still decided first.</summary>
    private static byte[] MixedWorkbook() => ImportFiles.Workbook(
        ("Touchpoints", [TouchpointHeader,
            ["hsr", "TopSales", "2025-04", "Minister", "Ministry of Railways", "Top sales on the Shinkansen system"],
            ["bad", "TopSales", "2025-04", "Minister", "Ministry of Railways", "On a refused project"],
            ["hsr", "SiteVisit", "someday", "Official", "NHSRCL", "Site visit"]]),
        ("Projects", [ProjectHeader,
            ["hsr", "Mumbai-Ahmedabad HSR", "IN", "Rail", "YenLoan", "MLIT"],
            ["bad", "Space elevator", "VN", "Spaceship", "Grant", null],
            ["metro", "Manila Metro", "PH", null, "YenLoan", null]]),
        ("Agreements", [AgreementHeader, ["hsr", "MOC", "Political", "MOC on high-speed rail", "Japan; India", "FY2024"]]),
        ("Awards", [AwardHeader,
            ["hsr", "C4 civil works", "L&T", "false", "Prime", "Civil", "2025-03-01"],
            ["hsr", "C5 civil works", "Somebody", "maybe", "Prime", "Civil", "2025-03-01"]]));

    private Task<IScenarioResult> Import(HttpContent form, string query, int expected, string role = "officer") =>
        As(role, s => { s.Post.Url($"/api/imports{query}"); s.Body(form); s.StatusCodeShouldBe(expected); }, name: "Sato Hanako");

    private static List<(string Sheet, int Row, string Outcome, string? Detail)> Report(IScenarioResult result) =>
        [.. ReadJson(result).GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("sheet").GetString()!, r.GetProperty("row").GetInt32(),
            r.GetProperty("outcome").GetString()!, r.GetProperty("detail").ValueKind == JsonValueKind.Null ? null : r.GetProperty("detail").GetString()))];

    [Fact]
    public async Task a_dry_run_reports_each_row_and_records_nothing_then_the_real_run_records_exactly_the_valid_rows_once()
    {
        var dry = await Import(ImportFiles.Form(MixedWorkbook(), "back-fill.xlsx"), "?dryRun=true", 200);
        var report = Report(dry);
        Assert.Equal(
        [
            ("Projects", 2, "WouldRecord"), ("Projects", 3, "Refused"), ("Projects", 4, "Refused"),
            ("Touchpoints", 2, "WouldRecord"), ("Touchpoints", 3, "Refused"), ("Touchpoints", 4, "Refused"),
            ("Agreements", 2, "WouldRecord"),
            ("Awards", 2, "WouldRecord"), ("Awards", 3, "Refused"),
        ], report.Select(r => (r.Sheet, r.Row, r.Outcome)));
        Assert.All(report.Where(r => r.Outcome == "WouldRecord"), r => Assert.Null(r.Detail));
        Assert.StartsWith("sector: ", report[1].Detail);
        Assert.Contains("Spaceship", report[1].Detail);
        Assert.StartsWith("sector: ", report[2].Detail);
        Assert.Equal("No project with the key \"bad\": not in this file's Projects sheet (or refused there), nor recorded by an earlier import.", report[4].Detail);
        Assert.StartsWith("occurredOn: ", report[5].Detail);
        Assert.Equal("japaneseWinner: must be true or false.", report[8].Detail);
        var json = ReadJson(dry);
        Assert.Equal(4, json.GetProperty("recorded").GetInt32());
        Assert.Equal(5, json.GetProperty("refused").GetInt32());
        Assert.True(json.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, ReadJson(await As("officer", s => s.Get.Url("/api/projects"))).GetProperty("total").GetInt32());

        var real = Report(await Import(ImportFiles.Form(MixedWorkbook(), "back-fill.xlsx"), "?dryRun=false", 200));
        Assert.Equal(report.Select(r => (r.Sheet, r.Row, r.Outcome == "WouldRecord" ? "Recorded" : r.Outcome, r.Detail)), real);

        var projects = ReadJson(await As("officer", s => s.Get.Url("/api/projects"))).GetProperty("items").EnumerateArray().ToList();
        var project = Assert.Single(projects);
        Assert.Equal("Mumbai-Ahmedabad HSR", project.GetProperty("name").GetString());
        var id = project.GetProperty("id").GetGuid();
        Assert.Equal(ImportCommands.ProjectId("hsr"), id);
        var detail = ReadJson(await As("officer", s => s.Get.Url($"/api/projects/{id}")));
        var touchpoint = Assert.Single(detail.GetProperty("touchpoints").EnumerateArray());
        Assert.Equal("TopSales", touchpoint.GetProperty("kind").GetString());
        Assert.Equal("2025-04", touchpoint.GetProperty("occurredOn").GetString());
        Assert.Equal(1, detail.GetProperty("agreementCount").GetInt32());
        var award = Assert.Single(detail.GetProperty("awards").EnumerateArray());
        Assert.Equal("C4 civil works", award.GetProperty("package").GetString());
        var history = ReadJson(await As("auditor", s => s.Get.Url($"/api/projects/{id}/history")));
        Assert.Equal(4, history.GetProperty("items").GetArrayLength());
        var version = await StreamVersion(id);

        var again = await Import(ImportFiles.Form(MixedWorkbook(), "back-fill (copy).xlsx"), "?dryRun=false", 200);
        Assert.Equal(
            report.Select(r => (r.Sheet, r.Row, r.Outcome == "WouldRecord" ? "AlreadyRecorded" : r.Outcome)),
            Report(again).Select(r => (r.Sheet, r.Row, r.Outcome)));
        Assert.Equal(0, ReadJson(again).GetProperty("recorded").GetInt32());
        Assert.Equal(version, await StreamVersion(id));
        Assert.Single(ReadJson(await As("officer", s => s.Get.Url("/api/projects"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task a_csv_of_touchpoints_names_its_kind_by_its_file_name_and_records_once()
    {
        var project = await GivenProjects.Registered(Host);
        var csv = ImportFiles.Csv(
            "project,kind,occurredOn,japanLevel,counterpart,summary,location",
            $"{project},BilateralMeeting,2025-05-12,ViceMinister,\"Ministry of Transport, Viet Nam\",相互訪問,Hanoi",
            $"{project},Seminar,FY2025,Official,JICA,Seminar on PPP,");
        var first = Report(await Import(ImportFiles.Form(csv, "touchpoints-2025.csv", "text/csv"), "?dryRun=false", 200));
        Assert.Equal([("Touchpoints", 2, "Recorded", (string?)null), ("Touchpoints", 3, "Recorded", null)], first);

        var detail = ReadJson(await As("officer", s => s.Get.Url($"/api/projects/{project}")));
        var kinds = detail.GetProperty("touchpoints").EnumerateArray().Select(t => $"{t.GetProperty("kind").GetString()} {t.GetProperty("occurredOn").GetString()}").Order();
        Assert.Equal(["BilateralMeeting 2025-05-12", "Seminar FY2025"], kinds);

        var second = Report(await Import(ImportFiles.Form(csv, "touchpoints-2025.csv", "text/csv"), "?dryRun=false", 200));
        Assert.All(second, r => Assert.Equal("AlreadyRecorded", r.Outcome));
        Assert.Equal(2, ReadJson(await As("officer", s => s.Get.Url($"/api/projects/{project}"))).GetProperty("touchpoints").GetArrayLength());
    }

    [Fact]
    public async Task the_template_has_a_sheet_per_kind_with_the_api_fields_and_instructions_in_both_languages()
    {
        var result = await As("officer", s => { s.Get.Url("/api/imports/template"); s.StatusCodeShouldBe(200); });
        Assert.Equal(ImportEndpoints.XlsxType, result.Context.Response.ContentType);
        using var body = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(body);
        body.Position = 0;
        var sheets = Workbook.Read(body).ToDictionary(s => s.Name, s => s.Rows);
        Assert.Equal(["Instructions", "Projects", "Touchpoints", "Agreements", "Awards"], sheets.Keys);
        Assert.Equal("key,name,nameJa,country,countries,sector,financing,ministry,leadAgency,summary", string.Join(",", sheets["Projects"][0].Cells));
        Assert.Equal("project,package,winner,winnerId,japaneseWinner,awardType,scope,amount.value,amount.currency,amountJpy,awardedOn",
            string.Join(",", sheets["Awards"][0].Cells));
        var instructions = string.Join("\n", sheets["Instructions"].SelectMany(r => r.Cells));
        Assert.Contains("見出し", instructions);
        Assert.Contains("header row", instructions);

        // The empty template itself imports nothing: a clear 400.
        var empty = await Import(ImportFiles.Form(body.ToArray(), "template.xlsx"), "?dryRun=true", 400);
        Assert.Contains("no data rows", ReadJson(empty).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("notes.txt", "text/plain", 415)]
    [InlineData("broken.xlsx", ImportEndpoints.XlsxType, 415)]
    [InlineData("projects.csv", "text/csv", 400)]
    [InlineData("people.csv", "text/csv", 400)]
    public async Task a_file_that_is_not_an_import_is_refused_with_a_problem(string fileName, string type, int expected)
    {
        var bytes = fileName == "projects.csv" ? ImportFiles.Csv("key,name,colour", "a,b,red") : "just some text\n"u8.ToArray();
        var result = await Import(ImportFiles.Form(bytes, fileName, type), "?dryRun=true", expected);
        Assert.False(string.IsNullOrEmpty(ReadJson(result).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task a_bad_request_is_refused_before_anything_is_read()
    {
        var csv = ImportFiles.Csv("key,name,sector,financing,country", "k,Name,Rail,Grant,VN");
        var missing = ReadJson(await Import(ImportFiles.Form(csv, "projects.csv", "text/csv"), "", 400));
        Assert.True(missing.GetProperty("errors").TryGetProperty("dryRun", out _));
        await Import(new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), "?dryRun=true", 415);
        await Import(ImportFiles.Form(csv, "projects.csv", "text/csv"), "?dryRun=true", 403, role: "hotline");
        var tooLarge = new byte[21 * 1024 * 1024];
        await Import(ImportFiles.Form(tooLarge, "projects.csv", "text/csv"), "?dryRun=true", 413);
        Assert.Equal(0, ReadJson(await As("officer", s => s.Get.Url("/api/projects"))).GetProperty("total").GetInt32());
    }
}
