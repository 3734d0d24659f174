using Marten;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>A company reports a case, the hotline handles it, the company acknowledges: all through the console's forms.</summary>
public class CaseWrites(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private const string Acme = "Acme Construction";

    private Task<string> Timeline() => Page.Locator("[data-testid=timeline]").InnerTextAsync();

    [Fact]
    public async Task a_company_reports_in_japanese_the_hotline_triages_consults_and_resolves_in_english_and_the_company_acknowledges()
    {
        var project = await Api.RegisteredProject();
        await Api.Awarded(project);

        await SignInAs("company", company: Acme, name: "sato");
        await Follow("トラブルを相談", url => url.EndsWith("/cases/new", StringComparison.Ordinal));
        await AssertAccessible();
        await Page.Locator("#Report_ProjectId").SelectOptionAsync(project.ToString()); // the company view of the catalogue
        await Page.Locator("#Report_Category").SelectOptionAsync("LatePayment");
        await Page.Locator("#Report_Summary").FillAsync("Advance payment withheld by the employer");
        await Page.Locator("#Report_Details").FillAsync("The advance payment guarantee was accepted in June; no payment since.");
        await Page.Locator("#Report_OccurredOn").FillAsync("2026-08-01");
        await Page.Locator("#Report_Reporter_CompanyType").SelectOptionAsync("Contractor");
        await Page.Locator("#Report_Reporter_ContactName").FillAsync("佐藤花子");
        await Page.Locator("#Report_Reporter_Email").FillAsync("sato@example.co.jp");
        await Submit("report", url => System.Text.RegularExpressions.Regex.IsMatch(url, "/cases/[0-9a-f-]{36}$"));
        var caseId = Guid.Parse(Page.Url[^36..]);
        Assert.Contains("Advance payment withheld by the employer", await Page.Locator("h1").InnerTextAsync());
        Assert.Contains(Acme, await MainText()); // as the signed-in company, never typed
        Assert.Contains("受付", await Timeline());

        await SignInAs("hotline", name: "kimura");
        await SwitchToEnglish();
        await Open($"/cases/{caseId}");
        await AssertAccessible(); // the case page with every hotline form
        await Page.Locator("#Triage_Priority").SelectOptionAsync("High");
        await Submit("triage", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Page.Locator("#Consult_Agency").SelectOptionAsync("JICA");
        await Page.Locator("#Consult_Note").FillAsync("Asked the JICA office to raise the payment with the employer.");
        await Submit("consult", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Page.Locator("#Resolve_Outcome").SelectOptionAsync("Resolved");
        await Page.Locator("#Resolve_Summary").FillAsync("The employer paid the advance on 2026-09-10.");
        await Submit("resolve", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        var timeline = await Timeline();
        Assert.Contains("Triaged", timeline);
        Assert.Contains("High", timeline);
        Assert.Contains("Asked the JICA office", timeline);
        Assert.Contains("Resolved", timeline);
        Assert.Contains("by kimura", timeline);

        await SignInAs("company", company: Acme, name: "sato");
        await Open($"/cases/{caseId}");
        timeline = await Timeline();
        Assert.DoesNotContain("Asked the JICA office", timeline); // the consultation is internal
        Assert.DoesNotContain("kimura", timeline);
        await Submit("acknowledge", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        Assert.Contains("Resolution acknowledged", await Timeline());
        Assert.Equal(0, await Form("acknowledge").CountAsync()); // nothing left to acknowledge
    }

    [Fact]
    public async Task a_company_reporting_on_a_project_without_award_sees_the_servers_reason_and_nothing_is_recorded()
    {
        var project = await Api.RegisteredProject();
        await SignInAs("company", company: Acme, name: "sato");
        await SwitchToEnglish();
        await Open("/cases/new");
        await Page.Locator("#Report_ProjectId").SelectOptionAsync(project.ToString());
        await Page.Locator("#Report_Category").SelectOptionAsync("LatePayment");
        await Page.Locator("#Report_Summary").FillAsync("Too early");
        await Page.Locator("#Report_Details").FillAsync("No award yet.");
        await Page.Locator("#Report_OccurredOn").FillAsync("2026-08-01");
        await Page.Locator("#Report_Reporter_CompanyType").SelectOptionAsync("Contractor");
        await Page.Locator("#Report_Reporter_ContactName").FillAsync("Sato");
        await Page.Locator("#Report_Reporter_Email").FillAsync("sato@example.co.jp");
        await Page.Locator("#Report_AmountAtStake_Value").FillAsync("1000000");
        await Page.Locator("#Report_AmountAtStake_Currency").FillAsync("YEN");
        await Submit("report", url => url.EndsWith("/cases/new", StringComparison.Ordinal));
        Assert.Contains("'YEN' is not an ISO 4217 currency code",
            await Page.Locator("[data-valmsg-for='Report.AmountAtStake.Currency']").InnerTextAsync()); // the API's message, under its field

        await Page.Locator("#Report_AmountAtStake_Currency").FillAsync("JPY");
        await Submit("report", url => url.EndsWith("/cases/new", StringComparison.Ordinal));
        Assert.Contains("has no award on record yet", await Form("report").Locator("[data-testid=form-alert]").InnerTextAsync());
        await AssertAccessible();
        await using var session = Store.QuerySession();
        Assert.Equal(1, await session.Events.QueryAllRawEvents().CountAsync()); // only the project's registration
    }

    [Fact]
    public async Task hotline_staff_complete_and_reschedule_follow_ups_on_the_task_page()
    {
        var project = await Api.RegisteredProject();
        await Api.Awarded(project);
        await Api.ReportedCase(project, Acme); // the hotline desk gets follow-ups for a new case
        await WaitForProjections();
        await SignInAs("hotline", name: "kimura");
        await Open("/tasks?view=desk");
        var links = Page.Locator("[data-testid=tasks] tbody a[href^='/tasks/']");
        Assert.True(await links.CountAsync() > 0, await MainText());
        await Navigate(() => links.First.ClickAsync(), url => System.Text.RegularExpressions.Regex.IsMatch(url, "/tasks/[0-9a-f-]{36}$"), "task");
        var taskUrl = Page.Url;
        await AssertAccessible();

        await Page.Locator("#Reschedule_DueOn").FillAsync("2026-12-24");
        await Page.Locator("#Reschedule_Reason").FillAsync("Waiting for the employer's reply");
        await Submit("reschedule", url => url == taskUrl);
        Assert.Contains("2026年12月24日", await Page.Locator("[data-testid=due]").InnerTextAsync());

        await Page.Locator("#Complete_Note").FillAsync("Called the company back.");
        await Submit("complete", url => url == taskUrl);
        Assert.Contains("完了", await Page.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Equal(0, await Form("complete").CountAsync());
    }

    [Fact]
    public async Task the_hotline_assigns_notes_internally_and_shared_closes_and_the_company_reopens_with_a_shared_note()
    {
        var project = await Api.RegisteredProject();
        await Api.Awarded(project);
        var caseId = await Api.ReportedCase(project, Acme);

        await SignInAs("hotline", name: "kimura");
        await Open($"/cases/{caseId}");
        await Page.Locator("#Assign_Officer").FillAsync("nakamura");
        await Submit("assign", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Page.Locator("#Note_Text").FillAsync("Internal: the employer's finance ministry is the bottleneck.");
        await Page.Locator("#Note_Visibility").SelectOptionAsync("Internal");
        await Submit("note", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Page.Locator("#Note_Text").FillAsync("We have contacted the embassy on your behalf.");
        await Page.Locator("#Note_Visibility").SelectOptionAsync("Shared");
        await Submit("note", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Page.Locator("#Resolve_Outcome").SelectOptionAsync("PartiallyResolved");
        await Page.Locator("#Resolve_Summary").FillAsync("Half of the certificates were paid.");
        await Submit("resolve", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Submit("close", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        Assert.Contains("nakamura", await MainText()); // the assignee, for the hotline
        Assert.Contains("終了", await Timeline());
        Assert.Equal(0, await Form("note").CountAsync()); // a closed case takes no notes

        await SignInAs("company", company: Acme, name: "sato");
        await Open($"/cases/{caseId}");
        var page = await MainText();
        Assert.Contains("We have contacted the embassy on your behalf.", page);
        Assert.DoesNotContain("bottleneck", page);
        Assert.DoesNotContain("nakamura", page);
        await Page.Locator("#Reopen_Reason").FillAsync("The remaining certificates are still unpaid.");
        await Submit("reopen", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Page.Locator("#Note_Text").FillAsync("Certificates 16 to 18 remain unpaid.");
        await Submit("note", url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        var timeline = await Timeline();
        Assert.Contains("The remaining certificates are still unpaid.", timeline);
        Assert.Contains("Certificates 16 to 18 remain unpaid.", timeline);
        await AssertAccessible(); // the company's forms
    }

    [Fact]
    public async Task a_company_cannot_use_the_hotlines_actions_by_posting_them()
    {
        var project = await Api.RegisteredProject();
        await Api.Awarded(project);
        var caseId = await Api.ReportedCase(project, Acme);
        await SignInAs("company", company: Acme, name: "sato");
        await Open($"/cases/{caseId}");
        Assert.Equal(0, await Form("triage").CountAsync());

        // A hand-made post with the page's own anti-forgery token: refused by the role rule of the endpoint (403 page).
        var token = await Page.Locator("[data-testid=note-form] input[name=__RequestVerificationToken]").InputValueAsync();
        var response = await Page.APIRequest.PostAsync($"/cases/{caseId}?handler=Triage", new()
        {
            Form = Page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("Triage.Priority", "Critical"),
        });
        Assert.Equal(403, response.Status);
        await using var session = Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(caseId));
    }
}
