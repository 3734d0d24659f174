using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Reports;

public class OrdersAndHotlineReports(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> Get(string url, string role = "officer")
    {
        await WaitForProjections();
        return ReadJson(await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); }));
    }

    private static string Row(JsonElement r) =>
        $"FY{r.GetProperty("fiscalYear").GetInt32()} {r.GetProperty("sector").GetString()} {r.GetProperty("region").GetString()}: " +
        $"{r.GetProperty("awards").GetInt32()} awards, {r.GetProperty("japaneseWins").GetInt32()} Japanese, " +
        $"¥{r.GetProperty("amountJpy").GetDecimal():0} (Japanese ¥{r.GetProperty("japaneseWinsAmountJpy").GetDecimal():0})";

    [Fact]
    public async Task orders_by_year_sector_and_region_count_undisclosed_awards_and_sum_only_disclosed_yen()
    {
        await new GivenAFiscalYearBoundary(Host, Fixture.Clock).Record();

        var report = await Get("/api/reports/orders?from=2024&to=2025");
        Assert.Equal(
        [
            "FY2024 Rail South Asia: 1 awards, 1 Japanese, ¥18000000000 (Japanese ¥18000000000)",
            "FY2024 Rail Southeast Asia: 1 awards, 0 Japanese, ¥0 (Japanese ¥0)",
            "FY2025 Rail South Asia: 1 awards, 1 Japanese, ¥8000000000 (Japanese ¥8000000000)",
        ], report.GetProperty("rows").EnumerateArray().Select(Row));
        var totals = report.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("awards").GetInt32());
        Assert.Equal(2, totals.GetProperty("japaneseWins").GetInt32());
        Assert.Equal(26_000_000_000m, totals.GetProperty("amountJpy").GetDecimal());

        Assert.Equal([2025], (await Get("/api/reports/orders?from=2025&to=2025")).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("fiscalYear").GetInt32()));

        var csv = await As("officer", s => { s.Get.Url("/api/reports/orders?from=2024&to=2025&format=csv"); s.StatusCodeShouldBeOk(); });
        var lines = KpiReportScenarios.CsvLines(KpiReportScenarios.ReadBytes(csv));
        Assert.Equal("fiscalYear,sector,sectorJa,region,regionJa,awards,japaneseWins,amountJpy,japaneseWinsAmountJpy", lines[0]);
        Assert.Equal(1 + 3, lines.Length);
        Assert.Equal("2024,Rail,鉄道,Southeast Asia,東南アジア,1,0,0,0", lines[2]);
    }

    [Fact]
    public async Task orders_need_a_sensible_span()
    {
        await As("officer", s => { s.Get.Url("/api/reports/orders?from=2025&to=2024"); s.StatusCodeShouldBe(400); });
        await As("officer", s => { s.Get.Url("/api/reports/orders?from=2024"); s.StatusCodeShouldBe(400); });
        await As("company", s => { s.Get.Url("/api/reports/orders?from=2024&to=2024"); s.StatusCodeShouldBe(403); }, company: "Acme");
    }

    [Fact]
    public async Task the_hotline_year_counts_cases_by_the_tokyo_day_they_were_reported_and_resolved()
    {
        await new GivenAFiscalYearBoundary(Host, Fixture.Clock).Record();

        var fy2024 = await Get("/api/reports/hotline?fiscalYear=2024", "hotline");
        Assert.Equal(1, fy2024.GetProperty("received").GetInt32());
        Assert.Equal(0, fy2024.GetProperty("resolved").GetInt32());
        Assert.Equal(1, fy2024.GetProperty("openAtYearEnd").GetInt32()); // the 00:00 JST case belongs to FY2025

        var fy2025 = await Get("/api/reports/hotline?fiscalYear=2025", "auditor");
        Assert.Equal(1, fy2025.GetProperty("received").GetInt32());
        Assert.Equal(1, fy2025.GetProperty("resolved").GetInt32());
        Assert.Equal(1, fy2025.GetProperty("openAtYearEnd").GetInt32()); // FY2024's case is still open
        Assert.Equal(0.3m, fy2025.GetProperty("medianDaysToFirstResponse").GetDecimal()); // triaged after 6 hours = 0.25 days
        Assert.Equal(0.4m, fy2025.GetProperty("medianDaysToResolution").GetDecimal());    // 10 hours
        var category = Assert.Single(fy2025.GetProperty("byCategory").EnumerateArray());
        Assert.Equal("UnpaidFees", category.GetProperty("value").GetString());
        Assert.Equal(1, category.GetProperty("resolved").GetInt32());

        await As("officer", s => { s.Get.Url("/api/reports/hotline?fiscalYear=2025"); s.StatusCodeShouldBe(403); });
        var csv = await As("hotline", s => { s.Get.Url("/api/reports/hotline?fiscalYear=2025"); s.WithRequestHeader("Accept", "text/csv"); s.StatusCodeShouldBeOk(); });
        var lines = KpiReportScenarios.CsvLines(KpiReportScenarios.ReadBytes(csv));
        Assert.Equal("fiscalYear,key,label,labelJa,value", lines[0]);
        Assert.Contains("2025,received,Cases received,受付件数,1", lines);
    }
}
