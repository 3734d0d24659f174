using System.Text;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProjectCases.Api.Tests.Engagements;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Export;

/// <summary>
/// Issue 17 item 4 (export): every list answers `?format=csv|xlsx` with exactly the rows its JSON pages hold for the same
/// filters and the same user, every page of them (the tests' host reads exports in batches of 3, so a few rows span
/// several batches), with the JSON field names as the header.
/// </summary>
public class ListExports(ApiFixture fixture) : ApiTest(fixture)
{
    private const string A = "Acme Construction";
    private const string B = "Borneo Engineering";
    private TroubleApi Calls => new(Host);

    /// <summary>
    /// The list's every page as JSON (two rows a page) against its CSV and its workbook: the same rows in the same order,
    /// the header the JSON names, each cell the JSON value. Returns the rows (by id) for further checks.
    /// </summary>
    private async Task<List<Dictionary<string, string>>> ExportsMatchTheJsonPages(string role, string url, int expectedRows, string? company = null)
    {
        var json = await JsonRows(role, url, company);
        Assert.Equal(expectedRows, json.Count);
        Assert.True(json.Count > 2, "the filter should leave more than one JSON page");

        var separator = url.Contains('?') ? '&' : '?';
        var csv = await Download(role, $"{url}{separator}format=csv", company, "text/csv; charset=utf-8", ".csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var xlsx = await Download(role, $"{url}{separator}format=xlsx", company,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

        foreach (var (name, file) in new[] { ("csv", CsvRows(csv)), ("xlsx", XlsxRows(xlsx)) })
        {
            Assert.Equal(json.Count == 0 ? [] : [.. json[0].EnumerateObject().Select(p => p.Name)], file.Header);
            Assert.Equal(json.Count, file.Rows.Count);
            for (var i = 0; i < json.Count; i++)
                foreach (var property in json[i].EnumerateObject())
                    Assert.True(Cell(property.Value) == file.Rows[i][property.Name],
                        $"{name} row {i + 1} {property.Name}: '{file.Rows[i][property.Name]}', JSON '{Cell(property.Value)}'");
        }
        return CsvRows(csv).Rows;
    }

    private async Task<List<JsonElement>> JsonRows(string role, string url, string? company)
    {
        var rows = new List<JsonElement>();
        var separator = url.Contains('?') ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var (status, body) = await Calls.Get(role, $"{url}{separator}pageSize=2&page={page}", company);
            Assert.Equal(200, status);
            rows.AddRange(body.GetProperty("items").EnumerateArray());
            if (rows.Count >= body.GetProperty("total").GetInt64()) return rows;
        }
    }

    private async Task<byte[]> Download(string role, string url, string? company, string contentType, string extension)
    {
        var result = await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); s.ContentTypeShouldBe(contentType); }, company: company);
        var disposition = result.Context.Response.Headers.ContentDisposition.ToString();
        Assert.StartsWith("attachment;", disposition);
        Assert.Contains($"-{Fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd}{extension}", disposition);
        using var copy = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A JSON value as an export cell shows it.</summary>
    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            string.Join("; ", value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
        _ => value.GetRawText(),
    };

    public static (List<string> Header, List<Dictionary<string, string>> Rows) CsvRows(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions());
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(reader.Current.ToDictionary().ToDictionary(p => p.Key, p => p.Value ?? ""));
        var header = Encoding.UTF8.GetString(bytes[3..]).Split('\n')[0].TrimEnd('\r').Split(',').ToList();
        return (header, rows);
    }

    public static (List<string> Header, List<Dictionary<string, string>> Rows) XlsxRows(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var lines = sheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())
            .ToList();
        var header = lines[0];
        return (header, [.. lines.Skip(1).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second))]);
    }

    [Fact]
    public async Task projects_export_every_filtered_row_with_japanese_names_intact()
    {
        foreach (var (name, nameJa, sector) in new[]
        {
            ("Hanoi Metro Line 2", "ハノイ都市鉄道2号線", "Rail"), ("Jakarta MRT", "ジャカルタ都市高速鉄道", "Rail"), ("Manila Subway", (string?)null, "Rail"),
            ("Chennai Metro", "チェンナイ地下鉄", "Rail"), ("Cable SG-MM-IN", "海底ケーブル", "ICT"),
        })
            await GivenProjects.Registered(Host, new { name, nameJa, country = "VN", sector, financing = "YenLoan", ministry = "MLIT" });

        var rows = await ExportsMatchTheJsonPages("officer", "/api/projects?sector=Rail", 4);

        Assert.Equal(["Chennai Metro", "Hanoi Metro Line 2", "Jakarta MRT", "Manila Subway"], rows.Select(r => r["name"]));
        Assert.Equal("ハノイ都市鉄道2号線", rows[1]["nameJa"]);
    }

    [Fact]
    public async Task a_company_exports_cases_and_projects_in_its_own_view_and_never_another_companys_case()
    {
        var project = await Calls.AwardedProject();
        var ofA = new List<Guid>();
        for (var i = 0; i < 4; i++) ofA.Add(await Calls.Reported(project, A, asRole: "company"));
        var ofB = await Calls.Reported(project, B, asRole: "company");
        for (var i = 0; i < 3; i++) await GivenProjects.Registered(Host, GivenProjects.RailProject($"Line {i}", "PH"));

        var cases = await ExportsMatchTheJsonPages("company", "/api/troubles?category=UnpaidFees", 4, company: A);
        Assert.Equal(ofA.Order(), cases.Select(r => Guid.Parse(r["id"])).Order());
        Assert.DoesNotContain(cases, r => r.Values.Any(v => v.Contains(ofB.ToString()) || v.Contains(B)));
        Assert.DoesNotContain("assignee", cases[0].Keys);

        var projects = await ExportsMatchTheJsonPages("company", "/api/projects?country=PH", 4, company: B);
        Assert.Contains(projects, p => p.Values.Any(v => v.Contains(ofB.ToString())));
        Assert.DoesNotContain(projects, p => ofA.Any(a => p.Values.Any(v => v.Contains(a.ToString()))));

        // The hotline exports every company's cases, with the internal fields.
        var all = await ExportsMatchTheJsonPages("hotline", "/api/troubles", 5);
        Assert.Contains("assignee", all[0].Keys);
    }

    [Fact]
    public async Task the_hotline_queue_exports_the_assignees_open_cases()
    {
        var project = await Calls.AwardedProject();
        for (var i = 0; i < 5; i++)
        {
            var id = await Calls.Reported(project, A);
            await Calls.Hotline(id, "triage", new { priority = i == 0 ? "Low" : "High" });
            if (i < 4) await Calls.Hotline(id, "assign", new { officer = "hotline.yamada" });
        }

        var rows = await ExportsMatchTheJsonPages("hotline", "/api/hotline/queue?assignee=hotline.yamada", 4);

        Assert.Equal(["Low", "High", "High", "High"], rows.Select(r => r["priority"]).OrderBy(p => p == "High"));
    }

    [Fact]
    public async Task tasks_export_one_owners_tasks_by_due_date()
    {
        for (var day = 10; day < 15; day++)
        {
            await As("officer", s =>
            {
                s.Post.Json(new { title = $"Call the embassy ({day})", dueOn = $"2026-12-{day}", owner = day == 14 ? "officer.sato" : "officer.kato" }).ToUrl("/api/follow-ups");
                s.StatusCodeShouldBe(201);
            }, name: "officer.kato");
        }

        var rows = await ExportsMatchTheJsonPages("officer", "/api/follow-ups?owner=officer.kato", 4);

        Assert.Equal(["2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"], rows.Select(r => r["dueOn"]));
    }

    [Fact]
    public async Task organisations_contacts_and_engagements_export_their_filtered_rows()
    {
        var companies = new List<Guid>();
        foreach (var name in new[] { "Acme Construction", "Borneo Engineering", "Chiyoda Works", "Daiichi Rail" })
            companies.Add((await Calls.Send("officer", "/api/organisations", new { name, kind = "Company", country = "JP" }, 201)).GetProperty("id").GetGuid());
        await Calls.Send("officer", "/api/organisations", new { name = "Ministry of Transport", nameJa = "運輸省", kind = "PartnerMinistry", country = "VN" }, 201);
        await Calls.Send("officer", "/api/organisations", new { name = "Acme-Borneo JV", kind = "JointVenture", country = "JP", members = companies[..2] }, 201);
        foreach (var person in new[] { "Sato Hanako", "Suzuki Jiro", "Takahashi Emi" })
            await Calls.Send("officer", "/api/contacts", new { name = person, organisationId = companies[0], email = "x@example.co.jp" }, 201);
        await Calls.Send("officer", "/api/contacts", new { name = "Tanaka Ichiro", organisationId = companies[1] }, 201);
        foreach (var (on, ministry) in new[] { ("2022-11-20", "MIC"), ("2022-11-21", "MIC"), ("2023-01-10", "MIC"), ("2023-02-01", "MLIT") })
            await As("officer", s => { s.Post.Json(RecordingEngagements.Dialogue(on, ministry: ministry)).ToUrl("/api/engagements"); s.StatusCodeShouldBe(201); });
        await WaitForProjections();

        var organisations = await ExportsMatchTheJsonPages("officer", "/api/organisations?kind=Company", 4);
        Assert.Equal(["Acme Construction", "Borneo Engineering", "Chiyoda Works", "Daiichi Rail"], organisations.Select(r => r["name"]));
        var jv = await ExportsMatchTheJsonPages("officer", "/api/organisations", 6);
        Assert.Equal($"{companies[0]}; {companies[1]}", jv.Single(r => r["kind"] == "JointVenture")["memberIds"]);

        var contacts = await ExportsMatchTheJsonPages("officer", $"/api/contacts?organisationId={companies[0]}", 3);
        Assert.Equal(["Sato Hanako", "Suzuki Jiro", "Takahashi Emi"], contacts.Select(r => r["name"]));

        var engagements = await ExportsMatchTheJsonPages("auditor", "/api/engagements?ministry=MIC", 3);
        Assert.Equal(["2023-01-10", "2022-11-21", "2022-11-20"], engagements.Select(r => r["on"]));
    }

    [Fact]
    public async Task country_risks_export_every_risk_with_its_affected_projects_as_json_text()
    {
        var project = await GivenProjects.Registered(Host, GivenProjects.RailProject("Colombo LRT", "LK"));
        foreach (var country in new[] { "LK", "MM", "SD" })
            await Calls.Send("officer", "/api/country-risks", new
            {
                country, kind = "SovereignDefault", observedOn = "2026-04-12", summary = "=Payments suspended on external debt.", severity = "Crisis",
            }, 201);
        await WaitForProjections();

        var (_, list) = await Calls.Get("officer", "/api/country-risks");
        var csv = await Download("officer", "/api/country-risks?format=csv", null, "text/csv; charset=utf-8", ".csv");
        var xlsx = XlsxRows(await Download("officer", "/api/country-risks?format=xlsx", null,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"));

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Select(i => i.GetProperty("id").GetString()), CsvRows(csv).Rows.Select(r => r["id"]));
        Assert.Equal(items.Select(i => i.GetProperty("id").GetString()), xlsx.Rows.Select(r => r["id"]));
        var lanka = xlsx.Rows.Single(r => r["country"] == "LK");
        Assert.Contains(project.ToString(), lanka["affectedProjects"]);
        // Text a spreadsheet would run as a formula: kept as text in the workbook, and escaped with an apostrophe in the CSV.
        Assert.Equal("=Payments suspended on external debt.", lanka["summary"]);
        Assert.Equal("'=Payments suspended on external debt.", CsvRows(csv).Rows.Single(r => r["country"] == "LK")["summary"]);
    }

    [Fact]
    public async Task a_project_history_exports_every_event_with_its_data_as_json_text()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        for (var i = 0; i < 3; i++) await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201);

        var events = await ExportsMatchTheJsonPages("auditor", $"/api/projects/{project.Id}/history", 4);

        Assert.Equal(["1", "2", "3", "4"], events.Select(e => e["version"]));
        await As("company", s => { s.Get.Url($"/api/projects/{project.Id}/history?format=csv"); s.StatusCodeShouldBe(404); }, company: A);
    }

    [Theory]
    [InlineData("officer", "/api/projects?format=pdf", "format")]
    [InlineData("officer", "/api/projects?format=csv&sector=Shipping", "sector")]
    [InlineData("hotline", "/api/troubles?format=xlsx&colour=red", "colour")]
    [InlineData("hotline", "/api/hotline/queue?format=csv&overdue=maybe", "overdue")]
    [InlineData("officer", "/api/follow-ups?format=xlsx&dueBefore=2026-13-01", "dueBefore")]
    [InlineData("officer", "/api/organisations?format=csv&kind=Bank", "kind")]
    [InlineData("officer", "/api/contacts?format=csv&organisationId=x", "organisationId")]
    [InlineData("auditor", "/api/engagements?format=xlsx&from=2023-01-01&to=2022-01-01", "to")]
    [InlineData("officer", "/api/country-risks?format=docx", "format")]
    [InlineData("officer", "/api/country-risks?severity=Crisis", "severity")]
    public async Task an_export_with_a_bad_filter_or_format_is_refused_like_the_json_list(string role, string url, string field)
    {
        var problem = ReadJson(await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBe(400); }));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("company", "/api/engagements?format=csv", 403)]
    [InlineData("company", "/api/organisations?format=csv", 403)]
    [InlineData("company", "/api/follow-ups?format=xlsx", 403)]
    [InlineData("company", "/api/hotline/queue?format=csv", 403)]
    public async Task an_export_is_refused_to_whoever_may_not_read_the_list(string role, string url, int expected) =>
        await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBe(expected); }, company: A);
}
