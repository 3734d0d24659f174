using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Reports;

/// <summary>The KPI report scoped like the sheet it reproduces: one ministry's activity against its own targets, and the in-year view (issue 16 item 5).</summary>
public class KpiScopedByMinistry(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> Report(string query)
    {
        await WaitForProjections();
        return ReadJson(await As("officer", s => { s.Get.Url($"/api/reports/kpi?{query}"); s.StatusCodeShouldBeOk(); }));
    }

    private static JsonElement Line(JsonElement report, string key) =>
        report.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);

    private async Task<ProjectApi> Project(string name, string ministry, string sector) =>
        new(Host, await GivenProjects.Registered(Host, new { name, country = "VN", sector, financing = "YenLoan", ministry }));

    private static object Seminar(string occurredOn) => new
    {
        kind = "Seminar", occurredOn, japanLevel = "Official", counterpart = "Ministry counterpart", summary = "Seminar on Japanese standards.",
    };

    [Fact]
    public async Task a_ministry_filter_compares_that_ministrys_targets_with_only_that_ministrys_activity()
    {
        var cable = await Project("Submarine cable", "MIC", "ICT");
        var postal = await Project("Postal network", "MIC", "Logistics");
        var metro = await Project("Hanoi Metro", "MLIT", "Rail");
        await cable.Post("/touchpoints", Seminar("2022-06-01"), 201);
        await postal.Post("/touchpoints", Seminar("2022-07-01"), 201);
        await metro.Post("/touchpoints", Seminar("2022-08-01"), 201);
        await metro.Post("/touchpoints", Seminar("2022-09-01"), 201);
        await metro.Post("/touchpoints", Seminar("2022-10-01"), 201);

        var mic = await Report("fiscalYear=2022&ministry=MIC");
        Assert.Equal("MIC", mic.GetProperty("ministry").GetString());
        Assert.Equal(2, Line(mic, "touchpoints.seminars").GetProperty("actual").GetDecimal());
        Assert.Equal(33, Line(mic, "touchpoints.seminars").GetProperty("target").GetDecimal());
        Assert.Equal("C", Line(mic, "touchpoints.seminars").GetProperty("grade").GetString());
        Assert.DoesNotContain(mic.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("key").GetString()!.StartsWith("hotline."));

        var mlit = await Report("fiscalYear=2022&ministry=MLIT");
        Assert.Equal(3, Line(mlit, "touchpoints.seminars").GetProperty("actual").GetDecimal());
        Assert.Equal(JsonValueKind.Null, Line(mlit, "touchpoints.seminars").GetProperty("target").ValueKind);

        var micIct = await Report("fiscalYear=2022&ministry=MIC&sector=ICT");
        Assert.Equal("ICT", micIct.GetProperty("sector").GetString());
        Assert.Equal(1, Line(micIct, "touchpoints.seminars").GetProperty("actual").GetDecimal());
        Assert.Equal(3, Line(await Report("fiscalYear=2022&sector=Rail"), "touchpoints.seminars").GetProperty("actual").GetDecimal());

        var all = await Report("fiscalYear=2022");
        Assert.Equal(5, Line(all, "touchpoints.seminars").GetProperty("actual").GetDecimal());
        Assert.Equal(JsonValueKind.Null, Line(all, "touchpoints.seminars").GetProperty("target").ValueKind);
        Assert.True(Line(all, "hotline.received").ValueKind == JsonValueKind.Object);

        // A voided project leaves its ministry's report too.
        await As("officer", s => { s.Post.Json(new { reason = "Registered twice" }).ToUrl($"/api/projects/{postal.Id}/void"); s.StatusCodeShouldBeOk(); });
        Assert.Equal(1, Line(await Report("fiscalYear=2022&ministry=MIC"), "touchpoints.seminars").GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task the_in_year_view_shows_progress_to_date_against_the_pro_rated_target()
    {
        // 2022-10-01 in Tokyo: 183 days of FY2022 (365 days) have passed, and this is the 184th.
        Fixture.Clock.SetUtcNow(new DateTimeOffset(2022, 10, 1, 3, 0, 0, TimeSpan.Zero));
        await As("admin", s =>
        {
            s.Put.Json(new { targets = new Dictionary<string, decimal?> { ["touchpoints.seminars"] = 4, ["touchpoints.internationalConferences"] = 28 }, reason = "FY2022 sheet" })
                .ToUrl("/api/reports/targets/2022");
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?ministry=MIC"));
            s.StatusCodeShouldBeOk();
        });
        var cable = await Project("Submarine cable", "MIC", "ICT");
        foreach (var on in new[] { "2022-05-01", "2022-06-01", "2022-09-30" }) await cable.Post("/touchpoints", Seminar(on), 201);

        var report = await Report("fiscalYear=2022&ministry=MIC&asOfToday=true");
        Assert.Equal("2022-10-01", report.GetProperty("asOf").GetString());
        Assert.Equal(0.5041m, report.GetProperty("elapsedShare").GetDecimal());

        var seminars = Line(report, "touchpoints.seminars");
        Assert.Equal(3, seminars.GetProperty("toDate").GetDecimal());
        Assert.Equal(2.02m, seminars.GetProperty("proRatedTarget").GetDecimal());
        Assert.True(seminars.GetProperty("onTrack").GetBoolean());
        Assert.Equal("C", seminars.GetProperty("grade").GetString()); // the year-end grade: 3 of 4 is under 80 %

        var conferences = Line(report, "touchpoints.internationalConferences");
        Assert.Equal(0, conferences.GetProperty("toDate").GetDecimal());
        Assert.Equal(14.11m, conferences.GetProperty("proRatedTarget").GetDecimal());
        Assert.False(conferences.GetProperty("onTrack").GetBoolean());

        var noTarget = Line(report, "touchpoints.topSales");
        Assert.Equal(JsonValueKind.Null, noTarget.GetProperty("onTrack").ValueKind);

        // A past year is pro-rated in full; without asOfToday there is no in-year view.
        var lastYear = await Report("fiscalYear=2021&ministry=MIC&asOfToday=true");
        Assert.Equal(41, Line(lastYear, "touchpoints.policyDialogues").GetProperty("proRatedTarget").GetDecimal());
        Assert.Equal(JsonValueKind.Null, Line(await Report("fiscalYear=2022&ministry=MIC"), "touchpoints.seminars").GetProperty("onTrack").ValueKind);

        var csv = await As("officer", s => { s.Get.Url("/api/reports/kpi?fiscalYear=2022&ministry=MIC&asOfToday=true&format=csv"); s.StatusCodeShouldBeOk(); });
        var lines = KpiReportScenarios.CsvLines(KpiReportScenarios.ReadBytes(csv));
        Assert.Equal("fiscalYear,key,label,labelJa,actual,target,grade,toDate,proRatedTarget,onTrack", lines[0]);
        Assert.Contains("2022,touchpoints.seminars,Seminars and symposia,セミナー等,3,4,C,3,2.02,true", lines);
    }

    [Theory]
    [InlineData("fiscalYear=2022&ministry=Treasury", "ministry")]
    [InlineData("fiscalYear=2022&sector=Space", "sector")]
    [InlineData("fiscalYear=2022&asOfToday=soon", "asOfToday")]
    [InlineData("fiscalYear=2022&leadAgency=MIC", "leadAgency")]
    public async Task unknown_filters_and_values_are_refused_naming_them(string query, string named)
    {
        var result = await As("officer", s => { s.Get.Url($"/api/reports/kpi?{query}"); s.StatusCodeShouldBe(400); });
        Assert.True(ReadJson(result).GetProperty("errors").TryGetProperty(named, out _));
    }
}
