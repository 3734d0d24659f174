using Microsoft.Playwright;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>The KPI and orders report pages leave out, or show alone, the projects under an open country risk (issue 18 item 5).</summary>
public class ReportsAroundCountryRisks(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private ILocator OrderRows => Page.Locator("[data-testid=orders] tbody tr");

    private ILocator KpiCells(string label) =>
        Page.Locator("[data-testid=kpi] tr", new() { Has = Page.Locator("th", new() { HasTextString = label }) }).Locator("td");

    [Fact]
    public async Task an_officer_leaves_out_then_isolates_the_projects_under_a_crisis_in_japanese_and_in_english()
    {
        await Api.Awarded(await Api.RegisteredProject()); // Manila, FY2026
        await Api.Awarded(await Api.RegisteredProject("Delhi Metro", "デリーメトロ", "IN"));
        await Api.Post("/api/country-risks", new
        {
            country = "PH", kind = "SovereignDefault", observedOn = "2026-11-02", summary = "The government suspended payments on its external debt.",
            severity = "Crisis",
        });
        await WaitForProjections(); // the projects are linked after commit
        await WaitForProjections();
        await SignInAs("officer", name: "yamada");

        await Open("/reports/orders?fiscalYear=2026");
        Assert.Equal(2, await OrderRows.CountAsync());
        await Page.Locator("#countryRisk").SelectOptionAsync(new SelectOptionValue { Label = "除く" });
        await Filter("表示");
        Assert.Contains("countryRisk=Exclude", Page.Url);
        Assert.Equal(1, await OrderRows.CountAsync());
        Assert.Contains("南アジア", await OrderRows.InnerTextAsync());
        Assert.DoesNotContain("東南アジア", await OrderRows.InnerTextAsync()); // Manila is left out
        Assert.Equal("Exclude", await Page.Locator("#countryRisk").InputValueAsync());
        await AssertAccessible();

        await SwitchToEnglish();
        await Open("/reports/kpi?fiscalYear=2026");
        Assert.Equal("2", (await KpiCells("Awards").First.InnerTextAsync()).Trim());
        await Page.Locator("#countryRisk").SelectOptionAsync(new SelectOptionValue { Label = "Only these" });
        await Filter("Show");
        Assert.Equal("1", (await KpiCells("Awards").First.InnerTextAsync()).Trim());
        Assert.Contains("without the hotline lines", await Page.Locator("[data-testid=country-risk-note]").InnerTextAsync());
        Assert.Contains("countryRisk=Isolate", await Page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).GetAttributeAsync("href") ?? "");
        await AssertAccessible();
    }
}
