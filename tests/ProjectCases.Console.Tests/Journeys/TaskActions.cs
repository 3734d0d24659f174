using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>A follow-up changes hands or is cancelled on its page, with the server's refusals on the form.</summary>
public class TaskActions(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task hotline_staff_reassign_a_task_to_a_person_and_cancel_another_with_a_reason_in_english()
    {
        var project = await Api.RegisteredProject();
        await Api.Awarded(project);
        await Api.ReportedCase(project, "Acme Engineering"); // the hotline desk gets follow-ups for a new case
        await WaitForProjections();
        await SignInAs("hotline", name: "kimura");
        await SwitchToEnglish();
        await Open("/tasks?view=desk");
        var links = Page.Locator("[data-testid=tasks] tbody a[href^='/tasks/']");
        Assert.True(await links.CountAsync() > 0, await MainText());
        await Navigate(() => links.First.ClickAsync(), url => System.Text.RegularExpressions.Regex.IsMatch(url, "/tasks/[0-9a-f-]{36}$"), "task");
        var taskUrl = Page.Url;

        // A field refusal: the API's message under the owner field.
        await Page.Locator("#Reassign_Owner").FillAsync("desk:Not Valid");
        await Submit("reassign", url => url.StartsWith(taskUrl, StringComparison.Ordinal));
        Assert.Contains("must be a desk", await Form("reassign").Locator("[data-valmsg-for='Reassign.Owner']").InnerTextAsync());
        await AssertAccessible();

        await Page.Locator("#Reassign_Owner").FillAsync("nakamura");
        await Submit("reassign", url => url == taskUrl);
        Assert.Contains("nakamura", await MainText());

        await Page.Locator("#Cancel_Reason").FillAsync("Handled by phone; no follow-up needed.");
        await Submit("cancel", url => url == taskUrl);
        Assert.Contains("Cancelled", await Page.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Equal(0, await Form("cancel").CountAsync());
    }
}
