using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>The country-risk board: an officer raises a crisis, sees what is at stake, records the calls and closes it.</summary>
public class CountryRisks(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task an_officer_raises_a_crisis_sees_the_board_records_a_decision_per_project_and_closes_it_only_when_all_are_decided()
    {
        var subway = await Api.RegisteredProject();
        await Api.Awarded(subway); // ¥18,000,000,000 at stake, won by Shimizu
        var rail = await Api.RegisteredProject("North-South Commuter Railway", "南北通勤鉄道", "PH");
        await Api.RegisteredProject("Jakarta MRT", "ジャカルタMRT", "ID");
        await SignInAs("officer", name: "yamada");

        await Open("/risks");
        await AssertAccessible();
        await Follow("カントリーリスクを登録", url => url.EndsWith("/risks/new", StringComparison.Ordinal));
        await AssertAccessible();
        await Page.Locator("#Risk_Country").FillAsync("ph");
        await Page.Locator("#Risk_Kind").SelectOptionAsync("SovereignDefault");
        await Page.Locator("#Risk_Severity").SelectOptionAsync("Crisis");
        await Page.Locator("#Risk_ObservedOn").FillAsync("2026-11-02");
        await Page.Locator("#Risk_Summary").FillAsync("The government suspended payments on its external debt.");
        await Submit("risk", url => System.Text.RegularExpressions.Regex.IsMatch(url, "/risks/[0-9a-f-]{36}$"));
        var riskUrl = new Uri(Page.Url).AbsolutePath;

        await WaitForProjections(); // the projects are linked after commit
        await WaitForProjections();
        await Open(riskUrl);
        var board = await Page.Locator("[data-testid=board]").InnerTextAsync();
        Assert.Contains("Metro Manila Subway", board);
        Assert.Contains("North-South Commuter Railway", board);
        Assert.DoesNotContain("Jakarta MRT", board);
        Assert.Contains("Shimizu Corporation", board);
        Assert.Contains("合計（2 案件）", await Page.Locator("[data-testid=totals]").InnerTextAsync());
        Assert.Contains("¥18,000,000,000", await Page.Locator("[data-testid=totals]").InnerTextAsync());
        await AssertAccessible();

        // Closing while a project waits for its call: the server's 409, naming the projects.
        await Form("close").Locator("textarea").FillAsync("Debt restructured.");
        await Submit("close", url => url.Contains(riskUrl, StringComparison.Ordinal));
        Assert.Contains("Metro Manila Subway", await Form("close").Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.Contains("継続中", await Page.Locator("[data-testid=state]").InnerTextAsync());

        await Follow("判断を記録 — Metro Manila Subway", url => url.Contains($"decide={subway}", StringComparison.Ordinal));
        await Page.Locator("#Decision_Decision").SelectOptionAsync("Suspend");
        await Page.Locator("#Decision_Reason").FillAsync("Payments to the contractor stopped.");
        await Page.Locator("#Decision_DecidedOn").FillAsync("2026-11-10");
        await Page.Locator("#Decision_DecidedBy").SelectOptionAsync("Minister");
        await Page.Locator("#Decision_ReviewOn").FillAsync("2027-02-01");
        await Submit("decision", url => url.Contains(riskUrl, StringComparison.Ordinal));
        await WaitForProjections();

        await Follow("判断を記録 — North-South Commuter Railway", url => url.Contains($"decide={rail}", StringComparison.Ordinal));
        await Page.Locator("#Decision_Decision").SelectOptionAsync("Withdraw");
        await Page.Locator("#Decision_Reason").FillAsync("No financing in sight.");
        await Page.Locator("#Decision_DecidedOn").FillAsync("2026-11-10");
        await Page.Locator("#Decision_DecidedBy").SelectOptionAsync("Minister");
        await Submit("decision", url => url.Contains(riskUrl, StringComparison.Ordinal));
        await WaitForProjections();
        await Open(riskUrl);
        board = await Page.Locator("[data-testid=board]").InnerTextAsync();
        Assert.Contains("一時停止", board); // the decision, and the status it moved to
        Assert.Contains("撤退", board);

        await Form("close").Locator("textarea").FillAsync("Debt restructured.");
        await Submit("close", url => url.Contains(riskUrl, StringComparison.Ordinal));
        Assert.Contains("終了", await Page.Locator("[data-testid=state]").InnerTextAsync());
        Assert.Equal(0, await Form("close").CountAsync()); // a closed risk takes no more writes

        // The project's own timeline tells the same story in words, not event type names.
        await Open($"/projects/{subway}");
        var timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("カントリーリスクの影響", timeline);
        Assert.Contains("継続・撤退の判断", timeline);
        Assert.DoesNotContain("CountryRisk", timeline);
        // The link was made after commit, in the name of the officer who raised the risk (it used to say "—").
        var link = Page.Locator("[data-testid=timeline] li", new() { HasText = "カントリーリスクの影響" });
        Assert.StartsWith("記録：yamada、", (await link.Locator(".recorded").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task a_decision_without_a_review_date_is_refused_under_the_field_in_english()
    {
        var subway = await Api.RegisteredProject();
        var risk = (await Api.Post("/api/country-risks", new
        {
            country = "PH", kind = "Coup", observedOn = "2026-11-02", summary = "Military takeover.", severity = "Warning",
        })).GetProperty("id").GetGuid();
        await WaitForProjections();
        await WaitForProjections();
        await SignInAs("officer", name: "yamada");
        await SwitchToEnglish();
        await Open($"/risks/{risk}?decide={subway}");
        await Page.Locator("#Decision_Decision").SelectOptionAsync("Postpone");
        await Page.Locator("#Decision_Reason").FillAsync("Waiting for the partner's intent.");
        await Page.Locator("#Decision_DecidedOn").FillAsync("2026-11-10");
        await Page.Locator("#Decision_DecidedBy").SelectOptionAsync("SeniorOfficial");
        await Submit("decision", url => url.Contains($"/risks/{risk}", StringComparison.Ordinal));
        Assert.Contains("is required unless the decision is Withdraw", await Form("decision").Locator("[data-valmsg-for='Decision.ReviewOn']").InnerTextAsync());
        await AssertAccessible();
        Assert.Contains("Awaiting decision", await Page.Locator("[data-testid=board]").InnerTextAsync());
    }

    [Fact]
    public async Task companies_get_the_403_page_for_risks_and_auditors_read_the_board_without_forms()
    {
        await Api.RegisteredProject();
        var risk = (await Api.Post("/api/country-risks", new
        {
            country = "PH", kind = "Disaster", observedOn = "2026-11-02", summary = "Typhoon damage to the depot site.", severity = "Watch",
        })).GetProperty("id").GetGuid();

        await SignInAs("company", company: "Taisei Example", name: "sato");
        Assert.Equal(403, (await Page.GotoAsync("/risks"))!.Status);
        Assert.Equal(403, (await Page.GotoAsync($"/risks/{risk}"))!.Status);
        Assert.Equal(403, (await Page.GotoAsync("/risks/new"))!.Status);

        await Page.Context.ClearCookiesAsync();
        await SignInAs("auditor", name: "kato");
        await Open($"/risks/{risk}");
        Assert.Contains("Typhoon damage to the depot site.", await MainText());
        Assert.Equal(0, await Page.Locator("form[data-testid]").CountAsync());
        Assert.Equal(403, (await Page.GotoAsync("/risks/new"))!.Status);
    }
}
