using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

public class CompanyConfidentiality(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private const string A = "Acme Construction", B = "Bravo Engineering";

    [Fact]
    public async Task company_b_sees_only_its_own_cases_projects_only_in_the_company_view_and_a_404_page_for_company_as_case()
    {
        var manila = await Api.RegisteredProject();
        await Api.Touchpoint(manila);
        await Api.Awarded(manila);
        var jakarta = await Api.RegisteredProject("Jakarta MRT North-South Line", "ジャカルタ都市高速鉄道南北線", "ID");
        await Api.Awarded(jakarta);
        var aCase = await Api.ReportedCase(manila, A, "Acme: interim payments unpaid");
        await Api.ReportedCase(jakarta, B, "Bravo: customs hold on tunnel boring machine");

        await SignInAs("company", company: B, name: "ito");
        Assert.EndsWith("/cases", Page.Url);
        var list = await MainText();
        Assert.Contains("Bravo: customs hold on tunnel boring machine", list);
        Assert.DoesNotContain("Acme", list);
        Assert.DoesNotContain("マニラ", list);
        await AssertAccessible();

        // A's case answers exactly like a page that does not exist.
        var response = await Page.GotoAsync($"/cases/{aCase}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal(404, response!.Status);
        Assert.Contains("ページが見つかりません", await MainText());
        Assert.DoesNotContain("Acme", await Page.ContentAsync());
        // A's project is public catalogue data (issue 22, company view): B reads it without A's case or anything internal.
        Assert.Equal(200, (await Page.GotoAsync($"/projects/{manila}"))!.Status);
        var others = await MainText();
        Assert.Contains("マニラ", others);
        Assert.DoesNotContain("Acme", others);
        Assert.DoesNotContain("Shimizu", others);
        Assert.Equal(0, await Page.Locator("[data-testid=timeline]").CountAsync());
        Assert.Equal(403, (await Page.GotoAsync("/projects"))!.Status); // no project list for companies
        Assert.Equal(403, (await Page.GotoAsync("/hotline"))!.Status);

        // Its own project: the company view only (no award, bids, touchpoints, version or timeline).
        await Open($"/projects/{jakarta}");
        var project = await MainText();
        Assert.Contains("ジャカルタ都市高速鉄道南北線", project);
        Assert.Contains("Bravo: customs hold on tunnel boring machine", project);
        Assert.DoesNotContain("Shimizu", project);
        Assert.DoesNotContain("CP-101", project);
        Assert.Equal(0, await Page.Locator("[data-testid=timeline]").CountAsync());
        Assert.Equal(0, await Page.Locator("[data-testid=version]").CountAsync());
        await AssertAccessible();

        await SwitchToEnglish();
        response = await Page.GotoAsync($"/cases/{aCase}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal(404, response!.Status);
        Assert.Contains("Page not found", await MainText());
        await Open("/cases");
        Assert.Contains("Only the cases Bravo Engineering reported are shown.", await MainText());
        Assert.DoesNotContain("Acme", await MainText());
    }

    [Fact]
    public async Task a_company_reading_its_case_sees_the_shared_timeline_without_internal_notes_or_the_assignee()
    {
        var manila = await Api.RegisteredProject();
        await Api.Awarded(manila);
        var caseId = await Api.ReportedCase(manila, A);
        await Api.Post($"/api/troubles/{caseId}/assign", new { officer = "hotline.nakamura" }, "hotline");
        await Api.Post($"/api/troubles/{caseId}/notes", new { text = "Embassy says the ministry is short of cash", visibility = "Internal" }, "hotline");
        await Api.Post($"/api/troubles/{caseId}/notes", new { text = "We have raised the matter with the ministry", visibility = "Shared" }, "hotline");

        await SignInAs("company", company: A);
        await Open($"/cases/{caseId}");
        var page = await MainText();
        Assert.Contains("We have raised the matter with the ministry", page);
        Assert.DoesNotContain("Embassy says", page);
        Assert.DoesNotContain("nakamura", page);
        Assert.DoesNotContain("dev.hotline", page); // nor who at the hotline recorded the lines
        Assert.Contains("代金未払い", page);       // the report itself, in Japanese
        Assert.Contains("ホットラインと共有された記録のみを表示しています。", page);
        await AssertAccessible();
    }
}
