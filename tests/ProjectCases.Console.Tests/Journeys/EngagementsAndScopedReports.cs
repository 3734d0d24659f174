using Marten;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>
/// An officer records a country-level dialogue linked to two projects, sees it on both case files and counted once in
/// the ministry's KPI report with the in-year view; the orders report shows the published statistics by calendar year.
/// </summary>
public class EngagementsAndScopedReports(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task an_officer_records_a_dialogue_for_two_projects_and_reads_it_in_the_ministrys_kpi_in_japanese_and_english()
    {
        // 2026-10-01 in Tokyo: 184 of FY2026's 365 days.
        Fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 3, 0, 0, TimeSpan.Zero));
        var cable = await Api.RegisteredProject("Submarine cable VN", "ベトナム海底ケーブル", "VN", "ICT", ministry: "MIC");
        var dataCentre = await Api.RegisteredProject("Data centre VN", "ベトナムデータセンター", "VN", "ICT", ministry: "MIC");
        await Api.Put("/api/reports/targets/2026?ministry=MIC", new
        {
            targets = new Dictionary<string, decimal?> { ["touchpoints.policyDialogues"] = 1, ["touchpoints.internationalConferences"] = 4 },
            reason = "MIC FY2026 sheet",
        }, "admin");

        await SignInAs("officer", name: "yamada");
        await Follow("国別の取組", url => url.Contains("/engagements", StringComparison.Ordinal));
        await AssertAccessible();

        // A dialogue without its date is refused on the form and records nothing.
        await Page.Locator("#Engagement_Country").FillAsync("vn");
        await Page.Locator("#Engagement_Ministry").SelectOptionAsync("MIC");
        await Page.Locator("#Engagement_Sector").SelectOptionAsync("ICT");
        await Page.Locator("#Engagement_Touchpoint_Kind").SelectOptionAsync("PolicyDialogue");
        await Page.Locator("#Engagement_Touchpoint_JapanLevel").SelectOptionAsync("Minister");
        await Page.Locator("#Engagement_Touchpoint_Counterpart").FillAsync("Ministry of Information and Communications of Viet Nam");
        await Page.Locator("#Engagement_Touchpoint_Summary").FillAsync("ICT policy dialogue on 5G and submarine cables.");
        await Page.Locator("#Engagement_ProjectIds").SelectOptionAsync(new[] { cable.ToString(), dataCentre.ToString() });
        await Submit("engagement", url => url.Contains("/engagements", StringComparison.Ordinal));
        Assert.True(await Page.Locator("[data-testid=form-alert]").IsVisibleAsync());
        await using (var session = Store.QuerySession())
            Assert.Equal(0, await session.Query<ProjectCases.Engagements.Engagement>().CountAsync());

        await Page.Locator("#Engagement_Touchpoint_OccurredOn").FillAsync("2026-05-20");
        await Submit("engagement", url => url.Contains("/engagements?country=VN", StringComparison.Ordinal));
        var listed = await Page.Locator("[data-testid=engagements]").InnerTextAsync();
        Assert.Contains("政策対話", listed);
        Assert.Contains("総務省", listed);
        Assert.Contains("ベトナム海底ケーブル", listed);
        Assert.Contains("ベトナムデータセンター", listed);

        foreach (var project in new[] { cable, dataCentre })
        {
            await Open($"/projects/{project}");
            var timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
            Assert.Contains("相手国との取組", timeline);
            Assert.Contains("Ministry of Information and Communications of Viet Nam", timeline);
        }

        await WaitForProjections();
        await Open("/reports/kpi?fiscalYear=2026&ministry=MIC&asOfToday=true");
        await AssertAccessible();
        var dialogues = Page.Locator("[data-testid=kpi] tr", new() { HasText = "政策協議等" }).Locator("td");
        Assert.Equal(["1", "1", "A", "1", "0.5", "順調"], (await dialogues.AllInnerTextsAsync()).Select(text => text.Trim()));
        var conferences = Page.Locator("[data-testid=kpi] tr", new() { HasText = "国際会議" }).Locator("td");
        Assert.Equal(["0", "4", "C", "0", "2.02", "遅れ"], (await conferences.AllInnerTextsAsync()).Select(text => text.Trim()));

        await SwitchToEnglish();
        Assert.Contains("Behind", await Page.Locator("[data-testid=kpi]").InnerTextAsync());
        Assert.Contains("On track", await Page.Locator("[data-testid=kpi]").InnerTextAsync());
        await Open("/reports/kpi?fiscalYear=2026");
        Assert.Contains("Targets belong to a ministry", await Page.Locator("[data-testid=no-targets]").InnerTextAsync());
        await Open("/engagements?ministry=MIC");
        Assert.Contains("Policy dialogue", await Page.Locator("[data-testid=engagements]").InnerTextAsync());
        await AssertAccessible();
    }

    [Fact]
    public async Task the_orders_report_by_calendar_year_shows_the_published_statistics_and_the_national_target()
    {
        var metro = await Api.RegisteredProject();
        await Api.Awarded(metro);
        await Api.Post("/api/reports/official-orders", new
        {
            calendarYear = 2018, group = "Energy", amountJpy = 5_100_000_000_000m,
            source = "インフラシステム輸出戦略 骨子: 統計等に基づくインフラ受注実績 (seed 004)",
        }, "admin");
        await WaitForProjections();

        await SignInAs("auditor");
        await Open("/reports/orders?fiscalYear=2018&by=CalendarYear&groups=Strategy");
        await AssertAccessible();
        var official = await Page.Locator("[data-testid=official-orders]").InnerTextAsync();
        Assert.Contains("エネルギー", official);
        Assert.Contains("¥5,100,000,000,000", official);
        Assert.Contains("seed 004", official);
        Assert.Contains("¥30,000,000,000,000", await Page.Locator("[data-testid=national-targets]").InnerTextAsync());

        await SwitchToEnglish();
        Assert.Contains("Energy", await Page.Locator("[data-testid=official-orders]").InnerTextAsync());
    }
}
