using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Reports;

/// <summary>The orders report as the infrastructure strategy counts: calendar years, its sector groups, and the published statistics beside (issue 16 item 5).</summary>
public class OrdersByCalendarYearAndStrategy(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> Orders(string query)
    {
        await WaitForProjections();
        return ReadJson(await As("officer", s => { s.Get.Url($"/api/reports/orders?{query}"); s.StatusCodeShouldBeOk(); }));
    }

    private static string GroupRow(JsonElement r) =>
        $"{r.GetProperty("year").GetInt32()} {r.GetProperty("group").GetString()}: {r.GetProperty("awards").GetInt32()} awards, " +
        $"{r.GetProperty("japaneseWins").GetInt32()} Japanese, ¥{r.GetProperty("japaneseWinsAmountJpy").GetDecimal():0}";

    private async Task IctAwardIn2025()
    {
        var cable = new ProjectApi(Host, await GivenProjects.Registered(Host, new { name = "Submarine cable", country = "VN", sector = "ICT", financing = "JICT", ministry = "MIC" }));
        await cable.Post("/awards", new
        {
            package = "Cable system", winner = "NEC", japaneseWinner = true, awardType = "Prime", scope = "Equipment",
            amount = new { value = 5_000_000_000m, currency = "JPY" }, amountJpy = 5_000_000_000m, awardedOn = "2025-06-01",
        }, 201);
    }

    [Fact]
    public async Task orders_group_by_calendar_year_and_by_the_strategys_sector_groups()
    {
        await new GivenAFiscalYearBoundary(Host, Fixture.Clock).Record();
        await IctAwardIn2025();

        var calendar = await Orders("from=2024&to=2025&by=calendarYear&groups=strategy");
        Assert.Equal("CalendarYear", calendar.GetProperty("by").GetString());
        Assert.Equal(
        [
            "2024 Transport: 1 awards, 0 Japanese, ¥0",             // the Vietnam depot, October 2024
            "2025 Transport: 2 awards, 2 Japanese, ¥26000000000",    // March and April 2025: two fiscal years, one calendar year
            "2025 ICT: 1 awards, 1 Japanese, ¥5000000000",
        ], calendar.GetProperty("rows").EnumerateArray().Select(GroupRow));
        Assert.All(calendar.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("fiscalYear").ValueKind));

        var fiscal = await Orders("from=2024&to=2025&groups=strategy");
        Assert.Equal(
        [
            "2024 Transport: 2 awards, 1 Japanese, ¥18000000000",
            "2025 Transport: 1 awards, 1 Japanese, ¥8000000000",
            "2025 ICT: 1 awards, 1 Japanese, ¥5000000000",
        ], fiscal.GetProperty("rows").EnumerateArray().Select(GroupRow));

        var bySector = await Orders("from=2025&to=2025&by=calendarYear");
        Assert.Equal(["ICT Southeast Asia", "Rail South Asia"],
            bySector.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("sector").GetString()} {r.GetProperty("region").GetString()}"));
        Assert.Equal(2025, bySector.GetProperty("rows")[0].GetProperty("calendarYear").GetInt32());

        var csv = await As("officer", s => { s.Get.Url("/api/reports/orders?from=2025&to=2025&by=calendarYear&groups=strategy&format=csv"); s.StatusCodeShouldBeOk(); });
        var lines = KpiReportScenarios.CsvLines(KpiReportScenarios.ReadBytes(csv));
        Assert.Equal("calendarYear,group,groupJa,awards,japaneseWins,amountJpy,japaneseWinsAmountJpy", lines[0]);
        Assert.Contains("2025,ICT,情報通信,1,1,5000000000,5000000000", lines);
    }

    [Fact]
    public async Task published_statistics_are_recorded_with_their_source_and_shown_beside_the_project_sums_and_the_national_target()
    {
        await IctAwardIn2025();
        const string source = "インフラシステム輸出戦略 (令和2年度改訂版) 骨子, 統計等に基づくインフラ受注実績 (seed 004)";
        var first = await As("admin", s =>
        {
            s.Post.Json(new { calendarYear = 2025, group = "ICT", amountJpy = 9_000_000_000_000m, source = "preliminary" }).ToUrl("/api/reports/official-orders");
            s.StatusCodeShouldBe(201);
        });
        var streamId = ReadJson(first).GetProperty("id").GetGuid();
        var revised = await As("admin", s =>
        {
            s.Post.Json(new { calendarYear = 2025, group = "ICT", amountJpy = 9_800_000_000_000m, source }).ToUrl("/api/reports/official-orders");
            s.StatusCodeShouldBeOk();
        }, name: "admin.sato");
        Assert.Equal(2, ReadJson(revised).GetProperty("version").GetInt64());
        await As("admin", s =>
        {
            s.Post.Json(new { calendarYear = 2025, group = "Total", amountJpy = 25_000_000_000_000m, source }).ToUrl("/api/reports/official-orders");
            s.StatusCodeShouldBe(201);
        });

        var report = await Orders("from=2025&to=2025&by=calendarYear&groups=strategy");
        var official = report.GetProperty("official").EnumerateArray().ToList();
        Assert.Equal(["ICT", "Total"], official.Select(o => o.GetProperty("group").GetString()).Order());
        var ict = official.Single(o => o.GetProperty("group").GetString() == "ICT");
        Assert.Equal(9_800_000_000_000m, ict.GetProperty("amountJpy").GetDecimal());
        Assert.Equal(source, ict.GetProperty("source").GetString());
        Assert.Equal("admin.sato", ict.GetProperty("recordedBy").GetString());
        Assert.Equal(5_000_000_000m, report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("group").GetString() == "ICT").GetProperty("japaneseWinsAmountJpy").GetDecimal());
        var targets = report.GetProperty("nationalTargets").EnumerateArray().ToDictionary(t => t.GetProperty("calendarYear").GetInt32(), t => t.GetProperty("amountJpy").GetDecimal());
        Assert.Equal(30_000_000_000_000m, targets[2020]);
        Assert.Equal(34_000_000_000_000m, targets[2025]);

        // The first figure stays in the history: the revision is a new event.
        await using (var session = Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(streamId);
            Assert.Equal(["preliminary", source], events.Select(e => ((ProjectCases.Reports.Orders.OfficialOrdersPublished)e.Data).Source));
        }
        // Fiscal years are not the statistics' periods: nothing is put beside them.
        Assert.Empty((await Orders("from=2025&to=2025")).GetProperty("official").EnumerateArray());
    }

    [Fact]
    public async Task bad_statistics_and_unknown_report_options_are_refused()
    {
        await As("officer", s => { s.Post.Json(new { calendarYear = 2018, group = "Energy", amountJpy = 1m, source = "x" }).ToUrl("/api/reports/official-orders"); s.StatusCodeShouldBe(403); });
        await As("admin", s => { s.Post.Json(new { calendarYear = 2018, group = "Space", amountJpy = 1m, source = "x" }).ToUrl("/api/reports/official-orders"); s.StatusCodeShouldBe(400); });
        await As("admin", s => { s.Post.Json(new { calendarYear = 2018, group = "Energy", amountJpy = -1m, source = "x" }).ToUrl("/api/reports/official-orders"); s.StatusCodeShouldBe(400); });
        await As("admin", s => { s.Post.Json(new { calendarYear = 2018, group = "Energy", amountJpy = 1m }).ToUrl("/api/reports/official-orders"); s.StatusCodeShouldBe(400); });
        await As("admin", s => { s.Post.Json(new { calendarYear = 1900, group = "Energy", amountJpy = 1m, source = "x" }).ToUrl("/api/reports/official-orders"); s.StatusCodeShouldBe(400); });
        Assert.Empty(ReadJson(await As("auditor", s => { s.Get.Url("/api/reports/official-orders"); s.StatusCodeShouldBeOk(); })).GetProperty("items").EnumerateArray());

        foreach (var (query, named) in new[] { ("by=month", "by"), ("groups=ministry", "groups"), ("ministry=MIC", "ministry") })
        {
            var result = await As("officer", s => { s.Get.Url($"/api/reports/orders?from=2024&to=2024&{query}"); s.StatusCodeShouldBe(400); });
            Assert.True(ReadJson(result).GetProperty("errors").TryGetProperty(named, out _));
        }
    }
}
