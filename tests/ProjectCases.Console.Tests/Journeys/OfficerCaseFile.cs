using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

public class OfficerCaseFile(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task an_officer_finds_a_project_registered_through_the_api_and_reads_its_timeline_in_japanese_then_english()
    {
        var id = await Api.RegisteredProject(officer: "tanaka");
        await Api.Touchpoint(id, officer: "suzuki");
        await Api.RegisteredProject("Jakarta MRT North-South Line", "ジャカルタ都市高速鉄道南北線", "ID");

        await SignInAs("officer", name: "yamada");
        Assert.EndsWith("/projects", Page.Url);
        await Page.Locator("#q").FillAsync("マニラ");
        await Filter("絞り込む");
        var list = await MainText();
        Assert.Contains("1 件", list);
        Assert.DoesNotContain("ジャカルタ", list);

        await Page.GetByRole(AriaRole.Link, new() { Name = "マニラ首都圏地下鉄" }).ClickAsync();
        await WaitForUrl(url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));
        var page = await MainText();
        Assert.Contains("Metro Manila Subway", page);            // both names in the header
        Assert.Contains("鉄道", page);                             // sector in Japanese
        Assert.Contains("円借款", page);
        var timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.True(timeline.IndexOf("案件登録", StringComparison.Ordinal) < timeline.IndexOf("トップセールス", StringComparison.Ordinal), timeline);
        Assert.Contains("Secretary of Transportation", timeline);
        Assert.Contains("記録：tanaka", timeline);
        Assert.Contains("記録：suzuki", timeline);
        Assert.Contains("日本時間", timeline);
        Assert.Equal("2", await Page.Locator("[data-testid=version]").InnerTextAsync());
        await AssertAccessible();

        await SwitchToEnglish();
        timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("Project registered", timeline);
        Assert.Contains("Top sales", timeline);
        Assert.Contains("Recorded by suzuki", timeline);
        Assert.Contains("Japan time", timeline);
        Assert.Contains("Yen loan", await MainText());
        await AssertAccessible();

        // The choice is remembered: the next page is in English too.
        await Open("/projects");
        Assert.Contains("Projects", await Page.Locator("h1").InnerTextAsync());
    }
}
