using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>
/// The reports, the follow-ups and the remaining main pages, each checked with axe. With PROJECTCASES_CONSOLE_SCREENSHOTS
/// set to a folder, each page is also saved there (docs/console/ holds the committed ones).
/// </summary>
public class MainPages(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("PROJECTCASES_CONSOLE_SCREENSHOTS");

    private async Task Checked(string path, string? screenshot = null)
    {
        await Open(path);
        await AssertAccessible();
        if (ScreenshotFolder is null || screenshot is null) return;
        Directory.CreateDirectory(ScreenshotFolder);
        await StylesheetApplied();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, screenshot + ".png"), FullPage = true });
    }

    /// <summary>Pages are read once their document is parsed; a picture needs the stylesheet applied too.</summary>
    private Task StylesheetApplied() => WaitUntil(
        "[...document.styleSheets].some(s => { try { return (s.href || '').includes('console.css') && s.cssRules.length > 0; } catch { return false; } })",
        "the stylesheet");

    private async Task<(Guid Project, Guid Case)> ARecordedYear()
    {
        var manila = await Api.RegisteredProject();
        await Api.Touchpoint(manila);
        await Api.Awarded(manila);
        await Api.RegisteredProject("Jakarta MRT North-South Line", "ジャカルタ都市高速鉄道南北線", "ID");
        var caseId = await Api.ReportedCase(manila, "Acme Construction");
        await WaitForProjections();
        return (manila, caseId);
    }

    [Fact]
    public async Task an_officer_reads_the_kpi_and_orders_reports_with_the_numbers_just_recorded()
    {
        var (manila, _) = await ARecordedYear();
        await Api.Put("/api/reports/targets/2026?ministry=MLIT", new
        {
            targets = new Dictionary<string, decimal?> { ["touchpoints.topSales"] = 4, ["awards.japaneseWins"] = 1 },
            reason = "Targets of the ministry's FY2026 plan",
        }, "admin");
        await WaitForProjections();

        await SignInAs("officer", name: "yamada");
        await Checked("/projects", "projects");
        await Checked($"/projects/{manila}", "case-file");
        await Checked("/reports/kpi?fiscalYear=2026&ministry=MLIT", "report-kpi");
        var topSales = Page.Locator("[data-testid=kpi] tr", new() { HasText = "トップセールス" });
        Assert.Equal("1", (await topSales.Locator("td").First.InnerTextAsync()).Trim());
        var japaneseWins = Page.Locator("[data-testid=kpi] tr", new() { HasText = "本邦企業の受注件数" }).Locator("td");
        Assert.Equal(["1", "1", "A"], (await japaneseWins.AllInnerTextsAsync()).Select(text => text.Trim()));
        Assert.Equal(["1", "4", "C"], (await topSales.Locator("td").AllInnerTextsAsync()).Select(text => text.Trim()));
        Assert.Equal(1, await Page.Locator("svg[role=img]").CountAsync());

        await Checked("/reports/orders?fiscalYear=2026", "report-orders");
        var orders = await Page.Locator("[data-testid=orders]").InnerTextAsync();
        Assert.Contains("鉄道", orders);
        Assert.Contains("東南アジア", orders);
        Assert.Contains("¥18,000,000,000", orders);

        await SwitchToEnglish();
        Assert.Contains("Southeast Asia", await Page.Locator("[data-testid=orders]").InnerTextAsync());
        await Checked("/reports/kpi?fiscalYear=2026&ministry=MLIT");
        Assert.Equal("1", (await Page.Locator("[data-testid=kpi] tr", new() { HasText = "Awards won by Japanese firms" }).Locator("td").First.InnerTextAsync()).Trim());

        // The CSV is the API's own download, reached with the console's sign-in.
        var csv = await Page.APIRequest.GetAsync("/reports/kpi?handler=csv&fiscalYear=2026&format=csv");
        Assert.Equal(200, csv.Status);
        Assert.Contains("touchpoints.topSales", await csv.TextAsync());
    }

    [Fact]
    public async Task the_hotline_desk_sees_its_tasks_with_the_case_they_belong_to_and_its_report()
    {
        var (_, caseId) = await ARecordedYear();

        await SignInAs("hotline", name: "nakamura");
        await Checked("/hotline", "hotline-queue");
        await Checked($"/cases/{caseId}", "case");
        await Checked("/tasks?view=desk", "tasks");

        // At a tablet's width the page still fits: nothing wider than the screen but the tables' own scrolling.
        await Page.SetViewportSizeAsync(768, 1024);
        await Checked("/hotline", "hotline-queue-tablet");
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await Page.SetViewportSizeAsync(1280, 900);
        await Open("/tasks?view=desk");
        var tasks = await Page.Locator("[data-testid=tasks]").InnerTextAsync();
        Assert.Contains("desk:hotline", tasks);
        Assert.Contains("Interim payments unpaid for 7 months", tasks); // the case each task belongs to
        await Checked("/tasks?view=mine");
        Assert.Contains("0 件", await MainText());

        await Checked("/reports/hotline?fiscalYear=2026", "report-hotline");
        Assert.Contains("1", await Page.Locator("[data-testid=hotline-figures] div", new() { HasText = "受付件数" }).First.InnerTextAsync());
        Assert.Equal(403, (await Page.GotoAsync("/reports/kpi"))!.Status);
    }

    [Fact]
    public async Task the_sign_in_page_says_it_is_for_development_only_and_the_error_pages_are_accessible()
    {
        await Checked("/signin", "sign-in");
        Assert.Contains("開発環境専用", await MainText());
        await SignInAs("company", company: "Acme Construction");
        await Checked("/cases", "company-cases");

        // Keyboard first: the first Tab reaches the skip link, which leads to the main content.
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("本文へ移動", await Page.EvaluateAsync<string>("document.activeElement.textContent"));
        await Page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await Page.EvaluateAsync<string>("document.activeElement.id"));
        // A form post without its anti-forgery token changes nothing.
        var forged = await Page.APIRequest.PostAsync("/language", new() { Form = Page.APIRequest.CreateFormData().Set("culture", "en") });
        Assert.Equal(400, forged.Status);
        await Open("/cases");
        Assert.Equal("ja", await Page.GetAttributeAsync("html", "lang"));

        var response = await Page.GotoAsync("/no-such-page", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal(404, response!.Status);
        await AssertAccessible();
    }

    [Fact]
    public async Task the_write_form_pages_are_accessible_with_and_without_a_refusal_shown()
    {
        var (manila, _) = await ARecordedYear();

        await SignInAs("officer", name: "yamada");
        await Checked("/projects/new");
        await Open($"/projects/{manila}/record");
        await Page.Locator("#Status_Status").SelectOptionAsync("Resumed"); // refused: the project was never interrupted
        await Page.Locator("#Status_Reason").FillAsync("Budget restored");
        await Page.Locator("#Status_EffectiveOn").FillAsync("2026-10-01");
        await Submit("status", url => url.Contains("/record", StringComparison.Ordinal));
        Assert.Contains("Only a suspended, postponed or on-hold project can be resumed", await Form("status").InnerTextAsync());
        await AssertAccessible();
        await Shot("form-record", "[data-testid=status-form]");

        await SignInAs("company", company: "Acme Construction", name: "sato");
        await Checked("/cases/new", "form-report");
    }

    /// <summary>The visible part of the page with <paramref name="selector"/> scrolled into view (the record page is long).</summary>
    private async Task Shot(string name, string selector)
    {
        if (ScreenshotFolder is null) return;
        Directory.CreateDirectory(ScreenshotFolder);
        await StylesheetApplied();
        await Page.Locator(selector).ScrollIntoViewIfNeededAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }
}
