using Marten;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>An officer voids or corrects a recorded fact, and voids a project registered by mistake, through the console.</summary>
public class Corrections(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private async Task<int> EventCount(Guid stream)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Count;
    }

    [Fact]
    public async Task voiding_a_touchpoint_takes_it_off_the_timeline_and_the_history_keeps_the_void_with_its_reason()
    {
        var id = await Api.RegisteredProject();
        await Api.Touchpoint(id); // version 2
        await SignInAs("officer", name: "yamada");
        await Open($"/projects/{id}");
        Assert.Contains("Secretary of Transportation", await Page.Locator("[data-testid=timeline]").InnerTextAsync());

        await Follow("訂正・取消 (トップセールス, v2)", url => url.EndsWith($"/projects/{id}/facts/2", StringComparison.Ordinal));
        await AssertAccessible();
        Assert.Contains("Secretary of Transportation", await Page.Locator("[data-testid=fact]").InnerTextAsync());
        await Form("void").Locator("textarea").FillAsync("重複して記録したため");
        await Submit("void", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));

        Assert.DoesNotContain("Secretary of Transportation", await Page.Locator("[data-testid=timeline]").InnerTextAsync());
        Assert.Contains("版 2 の事実を取消：重複して記録したため（yamada", await Page.Locator("[data-testid=corrections]").InnerTextAsync());
        await AssertAccessible();
        await Open($"/projects/{id}/history");
        var history = await MainText();
        Assert.Contains("fact_voided", history);
        Assert.Contains("重複して記録したため", history);
        Assert.Contains("Secretary of Transportation", history); // the original is kept
    }

    [Fact]
    public async Task a_correction_is_prefilled_with_the_fact_and_the_timeline_shows_the_corrected_values_in_english()
    {
        var id = await Api.RegisteredProject();
        await Api.Touchpoint(id);
        await SignInAs("officer", name: "yamada");
        await SwitchToEnglish();
        await Open($"/projects/{id}/facts/2");
        Assert.Equal("Secretary of Transportation", await Page.Locator("#fields-counterpart").InputValueAsync());
        Assert.Equal("TopSales", await Page.Locator("#fields-kind").InputValueAsync());
        Assert.Equal("2026-05-10", await Page.Locator("#fields-occurredOn").InputValueAsync());

        // A field refusal: the API's message under the field, nothing recorded.
        await Page.Locator("#fields-counterpart").FillAsync("");
        await Form("correct").Locator("#Correct_Reason").FillAsync("Wrong counterpart");
        await Submit("correct", url => url.Contains("/facts/2", StringComparison.Ordinal));
        Assert.Contains("Check the fields", await Form("correct").Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.NotEmpty(await Form("correct").Locator("[data-testid=field-error]").AllInnerTextsAsync());
        Assert.Equal(2, await EventCount(id));

        await Page.Locator("#fields-counterpart").FillAsync("Undersecretary for Railways");
        await Submit("correct", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));
        var timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("Undersecretary for Railways", timeline);
        Assert.DoesNotContain("Secretary of Transportation", timeline);
        Assert.Contains("(corrected)", timeline);
        Assert.Contains("Fact of version 2 corrected: Wrong counterpart (yamada", await Page.Locator("[data-testid=corrections]").InnerTextAsync());
    }

    [Fact]
    public async Task voiding_a_tender_that_has_an_award_is_refused_with_the_servers_reason_and_records_nothing()
    {
        var id = await Api.RegisteredProject();
        await Api.Awarded(id); // tender at version 2, award at 3
        await SignInAs("officer", name: "yamada");
        await SwitchToEnglish();
        await Open($"/projects/{id}/facts/2");
        await Form("void").Locator("textarea").FillAsync("Recorded twice");
        await Submit("void", url => url.Contains("/facts/2", StringComparison.Ordinal));
        Assert.Contains("the award recorded at version 3 depends on it", await Form("void").Locator("[data-testid=form-alert]").InnerTextAsync());
        await AssertAccessible();
        Assert.Equal(3, await EventCount(id));
    }

    [Fact]
    public async Task a_project_registered_by_mistake_is_voided_and_leaves_the_list()
    {
        var id = await Api.RegisteredProject("Test entry", "テスト登録", "PH");
        await Api.RegisteredProject();
        await SignInAs("officer", name: "yamada");
        await Open($"/projects/{id}/record");
        await Form("void-project").Locator("textarea").FillAsync("テスト入力");
        await Submit("void-project", url => url.EndsWith("/projects", StringComparison.Ordinal));
        var list = await MainText();
        Assert.DoesNotContain("テスト登録", list);
        Assert.Contains("マニラ首都圏地下鉄", list);
        await Open($"/projects/{id}"); // still readable by its address, marked, with nothing left to record
        Assert.Contains("この案件は取り消されています：テスト入力", await Page.Locator("[data-testid=voided-banner]").InnerTextAsync());
        Assert.Equal(0, await Page.GetByRole(AriaRole.Link, new() { Name = "事実を記録" }).CountAsync());
    }

    [Fact]
    public async Task an_auditor_sees_no_correction_links_and_cannot_open_the_correction_page()
    {
        var id = await Api.RegisteredProject();
        await Api.Touchpoint(id);
        await SignInAs("auditor", name: "kato");
        await Open($"/projects/{id}");
        Assert.Equal(0, await Page.GetByRole(AriaRole.Link, new() { Name = "訂正・取消" }).CountAsync());
        Assert.Equal(403, (await Page.GotoAsync($"/projects/{id}/facts/2"))!.Status);
    }
}
