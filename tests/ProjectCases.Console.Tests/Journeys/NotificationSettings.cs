using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>Each person turns notification kinds off in the console; the API's settings say the same.</summary>
public class NotificationSettings(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task an_officer_turns_overdue_reminders_off_and_the_setting_is_kept_and_shared_with_the_api()
    {
        await SignInAs("officer", name: "yamada");
        await Follow("通知設定", url => url.EndsWith("/settings/notifications", StringComparison.Ordinal));
        await AssertAccessible();
        Assert.True(await Page.Locator("#kind-TaskOverdue").IsCheckedAsync()); // everything on by default

        await Page.Locator("#kind-TaskOverdue").UncheckAsync();
        await Page.Locator("#lang-en").CheckAsync();
        await Submit("notifications", url => url.Contains("saved=true", StringComparison.Ordinal));
        Assert.Contains("保存しました", await Page.Locator("[data-testid=saved]").InnerTextAsync());
        Assert.False(await Page.Locator("#kind-TaskOverdue").IsCheckedAsync());
        Assert.True(await Page.Locator("#kind-TaskDueTomorrow").IsCheckedAsync());
        Assert.True(await Page.Locator("#lang-en").IsCheckedAsync());

        var settings = await Api.Get("/api/me/notifications", "officer", name: "yamada");
        Assert.Equal(["TaskOverdue"], settings.GetProperty("off").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("en", settings.GetProperty("language").GetString());
    }

    [Fact]
    public async Task the_settings_page_is_in_english_too_and_each_person_has_their_own()
    {
        await Api.Put("/api/me/notifications", new { language = "ja", off = new[] { "CaseReported" } }, "hotline");
        await SignInAs("hotline", name: "suzuki");
        await SwitchToEnglish();
        await Open("/settings/notifications");
        Assert.Contains("Notifications I receive", await MainText());
        Assert.True(await Page.Locator("#kind-CaseReported").IsCheckedAsync()); // another person's setting is not mine
        await AssertAccessible();
    }
}
