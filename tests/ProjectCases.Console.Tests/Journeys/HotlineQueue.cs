using System.Globalization;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

public class HotlineQueue(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private static DateTimeOffset InTokyo(string instant) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture), TokyoTime.Zone);

    [Fact]
    public async Task the_queue_shows_due_times_in_japan_time_and_highlights_a_case_past_its_due_time()
    {
        var manila = await Api.RegisteredProject();
        await Api.Awarded(manila);
        var caseId = await Api.ReportedCase(manila, "Acme Construction");
        var due = InTokyo((await Api.Get($"/api/troubles/{caseId}", "hotline")).GetProperty("firstResponseDue").GetString()!);
        await WaitForProjections();

        await SignInAs("hotline", name: "nakamura");
        Assert.EndsWith("/hotline", Page.Url);
        var queue = await Page.Locator("[data-testid=queue]").InnerTextAsync();
        Assert.Contains("Interim payments unpaid for 7 months", queue);
        Assert.Contains($"{due.Year}年{due.Month}月{due.Day}日 {due:HH:mm} 日本時間", queue);
        Assert.Contains("期限内", queue);
        Assert.Equal(0, await Page.Locator("tr.overdue").CountAsync());
        await AssertAccessible();

        await SwitchToEnglish();
        queue = await Page.Locator("[data-testid=queue]").InnerTextAsync();
        Assert.Contains($"{due.ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en"))} Japan time", queue);

        // Past the first-response due time (the application's clock moves; the sign-in cookie, on the same clock, expired).
        Fixture.Clock.SetUtcNow(due.AddHours(1));
        await SignInAs("hotline", name: "nakamura");
        var overdue = Page.Locator("tr.overdue");
        Assert.Equal(1, await overdue.CountAsync());
        Assert.Contains("Overdue", await overdue.InnerTextAsync());

        await Page.GetByRole(AriaRole.Link, new() { Name = "Interim payments unpaid for 7 months" }).ClickAsync();
        await WaitForUrl(url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        var page = await MainText();
        Assert.Contains("Reported", page);
        Assert.Contains("Unpaid fees", page);
        Assert.Contains("recorded by dev.company@Acme Construction", page);
        await AssertAccessible();
    }
}
