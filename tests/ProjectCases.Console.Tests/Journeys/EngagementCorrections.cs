using Marten;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>An officer corrects an engagement's date in Japanese, then voids it in English, on the engagement's own page.</summary>
public class EngagementCorrections(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private async Task<int> EventCount(Guid stream)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Count;
    }

    [Fact]
    public async Task an_officer_corrects_an_engagements_date_in_japanese_then_voids_it_in_english()
    {
        var cable = await Api.RegisteredProject("Submarine cable VN", "ベトナム海底ケーブル", "VN", "ICT", ministry: "MIC");
        var id = (await Api.Post("/api/engagements", new
        {
            touchpoint = new
            {
                kind = "PolicyDialogue", occurredOn = "2023-05-10", japanLevel = "Minister", counterpart = "Ministry of Information and Communications of Viet Nam",
                summary = "ICT policy dialogue on 5G and submarine cables.",
            },
            country = "VN", ministry = "MIC", sector = "ICT", projectIds = new[] { cable },
        }, name: "tanaka")).GetProperty("engagementId").GetGuid();

        await SignInAs("officer", name: "yamada");
        await Open("/engagements");
        await Follow("Ministry of Information and Communications of Viet Nam", url => url.EndsWith($"/engagements/{id}", StringComparison.Ordinal));
        await AssertAccessible();
        Assert.Equal("2023-05-10", await Page.Locator("#Engagement_Touchpoint_OccurredOn").InputValueAsync());
        Assert.Equal("MIC", await Page.Locator("#Engagement_Ministry").InputValueAsync());

        // A field refusal: the API's message under the field, nothing recorded.
        await Page.Locator("#Engagement_Touchpoint_Counterpart").FillAsync("");
        await Page.Locator("#CorrectionReason").FillAsync("日付の誤り");
        await Submit("correct", url => url.Contains($"/engagements/{id}", StringComparison.Ordinal));
        Assert.True(await Form("correct").Locator("[data-testid=form-alert]").IsVisibleAsync());
        Assert.Contains(await Form("correct").Locator(".field-message").AllInnerTextsAsync(), t => t.Trim().Length > 0);
        Assert.Equal(1, await EventCount(id));

        await Page.Locator("#Engagement_Touchpoint_Counterpart").FillAsync("Ministry of Information and Communications of Viet Nam");
        await Page.Locator("#Engagement_Touchpoint_OccurredOn").FillAsync("2022-11-20");
        await Submit("correct", url => url.EndsWith($"/engagements/{id}", StringComparison.Ordinal));
        var history = await Page.Locator("[data-testid=engagement-history]").InnerTextAsync();
        Assert.Contains("訂正", history);
        Assert.Contains("日付の誤り", history);
        Assert.Contains("yamada", history);
        Assert.Contains("tanaka", history); // the original recording stays, with who recorded it
        await AssertAccessible();

        await Open($"/projects/{cable}");
        var timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("相手国との取組", timeline);
        Assert.Contains("（訂正済み）", timeline);

        await SwitchToEnglish();
        await Follow("Open the engagement (correct or void)", url => url.EndsWith($"/engagements/{id}", StringComparison.Ordinal));
        await Form("void").Locator("textarea").FillAsync("Recorded twice");
        await Submit("void", url => url.EndsWith($"/engagements/{id}", StringComparison.Ordinal));
        Assert.Contains("This engagement was voided: Recorded twice", await Page.Locator("[data-testid=voided-banner]").InnerTextAsync());
        Assert.Contains("Voided", await Page.Locator("[data-testid=engagement-history]").InnerTextAsync());
        Assert.Equal(0, await Form("void").CountAsync());
        Assert.Equal(0, await Form("correct").CountAsync());
        await AssertAccessible();

        await Open("/engagements");
        Assert.Equal(0, await Page.Locator("[data-testid=engagements]").CountAsync());
        await Open($"/projects/{cable}");
        Assert.DoesNotContain("Ministry of Information and Communications of Viet Nam", await Page.Locator("[data-testid=timeline]").InnerTextAsync());
    }
}
