using System.Text;
using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Reports;

/// <summary>The ministries' fiscal-year indicators, counted from events by their business dates.</summary>
public class KpiReportScenarios(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<Dictionary<string, JsonElement>> Kpi(int fiscalYear, string? ministry = null)
    {
        await WaitForProjections();
        var scope = ministry is null ? "" : $"&ministry={ministry}";
        var result = await As("officer", s => { s.Get.Url($"/api/reports/kpi?fiscalYear={fiscalYear}{scope}"); s.StatusCodeShouldBeOk(); });
        return ReadJson(result).GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
    }

    private static Dictionary<string, decimal> Actuals(Dictionary<string, JsonElement> kpi) =>
        kpi.ToDictionary(i => i.Key, i => i.Value.GetProperty("actual").GetDecimal());

    [Fact]
    public async Task every_indicator_counts_by_business_date_on_both_sides_of_the_fiscal_year_boundary()
    {
        await new GivenAFiscalYearBoundary(Host, Fixture.Clock).Record();

        Assert.Equal(new Dictionary<string, decimal>
        {
            ["touchpoints.total"] = 5, ["touchpoints.topSales"] = 1, ["touchpoints.policyDialogues"] = 1,
            ["touchpoints.internationalConferences"] = 0, ["touchpoints.seminars"] = 1, ["touchpoints.missions"] = 1,
            ["touchpoints.invitations"] = 1, ["agreements.total"] = 2, ["agreements.political"] = 1, ["agreements.administrative"] = 1,
            ["studies.started"] = 1, ["studies.completed"] = 0, ["tenders.opened"] = 2, ["tenders.withJapaneseBidders"] = 1,
            ["awards.total"] = 2, ["awards.japaneseWins"] = 1, ["awards.japaneseWinsAmountJpy"] = 18_000_000_000m,
            ["hotline.received"] = 1, ["hotline.resolved"] = 0,
        }, Actuals(await Kpi(2024)));

        Assert.Equal(new Dictionary<string, decimal>
        {
            ["touchpoints.total"] = 1, ["touchpoints.topSales"] = 0, ["touchpoints.policyDialogues"] = 1,
            ["touchpoints.internationalConferences"] = 0, ["touchpoints.seminars"] = 0, ["touchpoints.missions"] = 0,
            ["touchpoints.invitations"] = 0, ["agreements.total"] = 1, ["agreements.political"] = 0, ["agreements.administrative"] = 1,
            ["studies.started"] = 0, ["studies.completed"] = 1, ["tenders.opened"] = 0, ["tenders.withJapaneseBidders"] = 1,
            ["awards.total"] = 1, ["awards.japaneseWins"] = 1, ["awards.japaneseWinsAmountJpy"] = 8_000_000_000m,
            ["hotline.received"] = 1, ["hotline.resolved"] = 1,
        }, Actuals(await Kpi(2025)));

        var fy2023 = await Kpi(2023);
        Assert.Equal(1, fy2023["touchpoints.internationalConferences"].GetProperty("actual").GetDecimal());
        Assert.Equal(1, fy2023["touchpoints.total"].GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task the_report_names_its_year_and_labels_each_indicator_in_both_languages()
    {
        await WaitForProjections();
        var result = await As("auditor", s => { s.Get.Url("/api/reports/kpi?fiscalYear=2022"); s.StatusCodeShouldBeOk(); });
        var report = ReadJson(result);
        Assert.Equal(2022, report.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("2022-04-01", report.GetProperty("from").GetString());
        Assert.Equal("2023-03-31", report.GetProperty("to").GetString());
        var seminars = report.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "touchpoints.seminars");
        Assert.Equal("Seminars and symposia", seminars.GetProperty("label").GetString());
        Assert.Equal("セミナー等", seminars.GetProperty("labelJa").GetString());
        Assert.Equal(0, seminars.GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task the_seed_documents_targets_ship_as_mics_defaults_and_grade_the_year()
    {
        var fy2022 = await Kpi(2022, "MIC");
        Assert.Equal(41, fy2022["touchpoints.policyDialogues"].GetProperty("target").GetDecimal());
        Assert.Equal(28, fy2022["touchpoints.internationalConferences"].GetProperty("target").GetDecimal());
        Assert.Equal(33, fy2022["touchpoints.seminars"].GetProperty("target").GetDecimal());
        Assert.Equal(45, fy2022["agreements.total"].GetProperty("target").GetDecimal());
        Assert.Equal(19, fy2022["agreements.political"].GetProperty("target").GetDecimal());
        Assert.Equal("C", fy2022["agreements.political"].GetProperty("grade").GetString());
        Assert.Equal(JsonValueKind.Null, fy2022["touchpoints.topSales"].GetProperty("target").ValueKind);
        Assert.Equal(JsonValueKind.Null, fy2022["touchpoints.topSales"].GetProperty("grade").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Kpi(2024, "MIC"))["touchpoints.policyDialogues"].GetProperty("target").ValueKind);
        // Targets belong to a ministry: MLIT's sheet sets none of these, and a report of every ministry compares with none.
        Assert.Equal(JsonValueKind.Null, (await Kpi(2022, "MLIT"))["touchpoints.policyDialogues"].GetProperty("target").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Kpi(2022))["touchpoints.policyDialogues"].GetProperty("target").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Kpi(2022))["touchpoints.policyDialogues"].GetProperty("grade").ValueKind);
    }

    [Fact]
    public async Task an_admin_sets_targets_as_events_and_grades_follow_met_eighty_percent_and_unmet()
    {
        await new GivenAFiscalYearBoundary(Host, Fixture.Clock).Record();
        var set = await As("admin", s =>
        {
            s.Put.Json(new { targets = new Dictionary<string, decimal?> { ["touchpoints.total"] = 5, ["agreements.total"] = 2.5m, ["touchpoints.seminars"] = 2 }, reason = "FY2024 sheet" })
                .ToUrl("/api/reports/targets/2024");
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?ministry=MLIT"));
            s.StatusCodeShouldBeOk();
        });
        Assert.Equal(1, ReadJson(set).GetProperty("version").GetInt64());
        Assert.Equal("MLIT", ReadJson(set).GetProperty("ministry").GetString());

        var kpi = await Kpi(2024, "MLIT");
        Assert.Equal("A", kpi["touchpoints.total"].GetProperty("grade").GetString());     // 5 of 5
        Assert.Equal("B", kpi["agreements.total"].GetProperty("grade").GetString());      // 2 of 2.5 = 80 %
        Assert.Equal("C", kpi["touchpoints.seminars"].GetProperty("grade").GetString());  // 1 of 2 = 50 %
        Assert.Equal(JsonValueKind.Null, kpi["awards.total"].GetProperty("grade").ValueKind);

        // Removing a file default is itself recorded, with who did it.
        await As("admin", s =>
        {
            s.Put.Json(new { targets = new Dictionary<string, decimal?> { ["agreements.political"] = null }, reason = "Not set for this ministry" })
                .ToUrl("/api/reports/targets/2022");
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?ministry=MIC"));
            s.StatusCodeShouldBeOk();
        }, name: "admin.tanaka");
        Assert.Equal(JsonValueKind.Null, (await Kpi(2022, "MIC"))["agreements.political"].GetProperty("target").ValueKind);
        var targets = ReadJson(await As("auditor", s => { s.Get.Url("/api/reports/targets/2022?ministry=MIC"); s.StatusCodeShouldBeOk(); }));
        Assert.DoesNotContain(targets.GetProperty("targets").EnumerateArray(), t => t.GetProperty("key").GetString() == "agreements.political");
        Assert.Contains(targets.GetProperty("targets").EnumerateArray(), t => t.GetProperty("key").GetString() == "agreements.total" && t.GetProperty("source").GetString() == "file");

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(ProjectCases.Reports.Targets.KpiTargetStreams.IdOf(2022));
        Assert.Equal("admin.tanaka", Assert.Single(events).UserName);
    }

    [Fact]
    public async Task bad_targets_and_bad_years_are_refused_and_change_nothing()
    {
        var unknown = await As("admin", s =>
        {
            s.Put.Json(new { targets = new Dictionary<string, decimal?> { ["touchpoints.dinners"] = 3, ["agreements.total"] = -1 }, reason = "typo" })
                .ToUrl("/api/reports/targets/2024");
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?ministry=MIC"));
            s.StatusCodeShouldBe(400);
        });
        var errors = ReadJson(unknown).GetProperty("errors");
        Assert.Contains("touchpoints.seminars", errors.GetProperty("targets.touchpoints.dinners")[0].GetString());
        Assert.True(errors.TryGetProperty("targets.agreements.total", out _));
        Assert.Equal(0, await StreamVersion(ProjectCases.Reports.Targets.KpiTargetStreams.IdOf(2024)));

        await As("officer", s => { s.Put.Json(new { targets = new { }, reason = "x" }).ToUrl("/api/reports/targets/2024"); s.StatusCodeShouldBe(403); });
        await As("officer", s => { s.Get.Url("/api/reports/kpi"); s.StatusCodeShouldBe(400); });
        await As("officer", s => { s.Get.Url("/api/reports/kpi?fiscalYear=twenty"); s.StatusCodeShouldBe(400); });
        await As("officer", s => { s.Get.Url("/api/reports/kpi?fiscalYear=1850"); s.StatusCodeShouldBe(400); });
        await As("officer", s => { s.Get.Url("/api/reports/kpi?fiscalYear=2024&format=xlsx"); s.StatusCodeShouldBe(400); });
        await As("admin", s => { s.Get.Url("/api/reports/targets/99999?ministry=MIC"); s.StatusCodeShouldBe(400); });
        // Targets belong to a ministry: which one must be said, and be one.
        await As("admin", s => { s.Get.Url("/api/reports/targets/2024"); s.StatusCodeShouldBe(400); });
        await As("admin", s => { s.Get.Url("/api/reports/targets/2024?ministry=Treasury"); s.StatusCodeShouldBe(400); });
        await As("admin", s => { s.Put.Json(new { targets = new Dictionary<string, decimal?> { ["agreements.total"] = 1 }, reason = "x" }).ToUrl("/api/reports/targets/2024"); s.StatusCodeShouldBe(400); });
    }

    [Theory]
    [InlineData("company", 403), InlineData("hotline", 403), InlineData("auditor", 200), InlineData("admin", 200)]
    public async Task who_reads_the_kpi_report(string role, int expected) =>
        await As(role, s => { s.Get.Url("/api/reports/kpi?fiscalYear=2024"); s.StatusCodeShouldBe(expected); }, company: role == "company" ? "Acme" : null);

    [Fact]
    public async Task the_csv_has_a_bom_a_header_one_row_per_indicator_and_japanese_labels_intact()
    {
        await WaitForProjections();
        var result = await As("officer", s =>
        {
            s.Get.Url("/api/reports/kpi?fiscalYear=2022&ministry=MIC");
            s.WithRequestHeader("Accept", "text/csv");
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe("text/csv; charset=utf-8");
        });
        var bytes = ReadBytes(result);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = CsvLines(bytes);
        Assert.Equal("fiscalYear,key,label,labelJa,actual,target,grade", lines[0]);
        Assert.Equal(1 + 17, lines.Length); // the two hotline lines are in the report of every ministry only
        Assert.Contains("2022,touchpoints.policyDialogues,Policy dialogues and bilateral meetings,政策協議等（政策対話・二国間会談）,0,41,C", lines);

        var viaQuery = await As("officer", s => { s.Get.Url("/api/reports/kpi?fiscalYear=2022&ministry=MIC&format=csv"); s.StatusCodeShouldBeOk(); });
        Assert.Equal(bytes, ReadBytes(viaQuery));
    }

    public static string[] CsvLines(byte[] bytes) =>
        [.. Encoding.UTF8.GetString(bytes[3..]).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0)];

    public static byte[] ReadBytes(IScenarioResult result)
    {
        using var copy = new MemoryStream();
        result.Context.Response.Body.CopyTo(copy);
        return copy.ToArray();
    }
}
