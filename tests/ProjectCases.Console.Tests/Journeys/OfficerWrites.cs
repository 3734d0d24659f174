using Marten;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>An officer records facts through the console's forms: the API's decisions, shown on the case file afterwards.</summary>
public class OfficerWrites(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private async Task<int> EventCount(Guid stream)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Count;
    }

    [Fact]
    public async Task an_officer_registers_a_project_logs_a_touchpoint_for_two_projects_and_records_tender_bids_and_award_in_japanese()
    {
        var other = await Api.RegisteredProject("Jakarta MRT North-South Line", "ジャカルタ都市高速鉄道南北線", "ID");
        await SignInAs("officer", name: "yamada");

        await Follow("案件を登録", url => url.EndsWith("/projects/new", StringComparison.Ordinal));
        await AssertAccessible();
        await Page.Locator("#Register_Name").FillAsync("Ho Chi Minh City Metro Line 2");
        await Page.Locator("#Register_NameJa").FillAsync("ホーチミン市都市鉄道2号線");
        await Page.Locator("#Register_Country").FillAsync("vn");
        await Page.Locator("#Register_Sector").SelectOptionAsync("Rail");
        await Page.Locator("#Register_Financing").SelectOptionAsync("YenLoan");
        await Submit("register", url => System.Text.RegularExpressions.Regex.IsMatch(url, "/projects/[0-9a-f-]{36}$"));
        var id = Guid.Parse(Page.Url[^36..]);
        Assert.Contains("ホーチミン市都市鉄道2号線", await Page.Locator("h1").InnerTextAsync());
        Assert.Contains("記録：yamada", await Page.Locator("[data-testid=timeline]").InnerTextAsync());

        await Follow("事実を記録", url => url.EndsWith($"/projects/{id}/record", StringComparison.Ordinal));
        await AssertAccessible();
        await Page.Locator("#Touchpoint_Kind").SelectOptionAsync("TopSales");
        await Page.Locator("#Touchpoint_OccurredOn").FillAsync("2026-05-10");
        await Page.Locator("#Touchpoint_JapanLevel").SelectOptionAsync("Minister");
        await Page.Locator("#Touchpoint_Counterpart").FillAsync("Minister of Transport of Viet Nam");
        await Page.Locator("#Touchpoint_Summary").FillAsync("Promoted Japanese signalling for both lines.");
        await Page.Locator("#Touchpoint_AlsoForProjectIds").SelectOptionAsync(other.ToString());
        await Submit("touchpoint", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));
        var timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("トップセールス", timeline);
        Assert.Contains("Minister of Transport of Viet Nam", timeline);
        Assert.Contains("ほか 1 案件", timeline);
        await Open($"/projects/{other}");
        Assert.Contains("Minister of Transport of Viet Nam", await Page.Locator("[data-testid=timeline]").InnerTextAsync()); // the same fact on the other project

        await Open($"/projects/{id}/record");
        await Page.Locator("#Tender_Package").FillAsync("CP-201 Signalling");
        await Page.Locator("#Tender_TenderType").SelectOptionAsync("ICB");
        await Page.Locator("#Tender_OpenedOn").FillAsync("2026-06-01");
        await Submit("tender", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));
        Assert.Contains("CP-201 Signalling", await Page.Locator("[data-testid=timeline]").InnerTextAsync());

        await Open($"/projects/{id}/record");
        await Page.Locator("#Bids_Bidders").FillAsync("Hitachi Rail\nKyosan Electric");
        await Page.Locator("#Bids_SubmittedOn").FillAsync("2026-07-01");
        await Submit("bids", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));

        await Open($"/projects/{id}/record");
        await Page.Locator("#Award_Winner").FillAsync("Hitachi Rail");
        await Page.Locator("#Award_JapaneseWinner").SelectOptionAsync("true");
        await Page.Locator("#Award_AwardType").SelectOptionAsync("Prime");
        await Page.Locator("#Award_Scope").SelectOptionAsync("Signals");
        await Page.Locator("#Award_Amount_Value").FillAsync("80000000");
        await Page.Locator("#Award_Amount_Currency").FillAsync("USD");
        await Page.Locator("#Award_AmountJpy").FillAsync("12000000000");
        await Page.Locator("#Award_AwardedOn").FillAsync("2026-08-01");
        await Submit("award", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));
        timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("日本企業の応札", timeline);
        Assert.Contains("Kyosan Electric", timeline);
        Assert.Contains("受注", timeline);
        Assert.Contains("¥12,000,000,000", timeline);
        Assert.Equal("5", await Page.Locator("[data-testid=version]").InnerTextAsync()); // registered, touchpoint, tender, bids, award
        Assert.Equal(5, await EventCount(id));
    }

    [Fact]
    public async Task refusals_show_the_servers_reason_on_the_form_in_english_and_record_nothing()
    {
        var id = await Api.RegisteredProject();
        var tenderId = await Api.Awarded(id); // the tender is closed by its award
        await SignInAs("officer", name: "yamada");
        await SwitchToEnglish();
        await Open($"/projects/{id}/record");
        var before = await EventCount(id);

        // A domain refusal (409): the detail in the form's alert.
        await Page.Locator("#Bids_TenderId").SelectOptionAsync(tenderId.ToString());
        await Page.Locator("#Bids_Bidders").FillAsync("Hitachi Rail");
        await Page.Locator("#Bids_SubmittedOn").FillAsync("2026-07-01");
        await Submit("bids", url => url.Contains("/record", StringComparison.Ordinal));
        Assert.Contains("Cannot record bids: the tender 'Contract package CP-101' is already awarded.",
            await Form("bids").Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.Equal("Hitachi Rail", await Page.Locator("#Bids_Bidders").InputValueAsync()); // what was typed is kept

        // A field refusal (400): the API's message under the field it concerns.
        await Page.Locator("#Tender_Package").FillAsync("CP-102");
        await Page.Locator("#Tender_TenderType").SelectOptionAsync("ICB");
        await Page.Locator("#Tender_OpenedOn").FillAsync("2026-06-01");
        await Page.Locator("#Tender_Deadline").FillAsync("2026-05-01");
        await Submit("tender", url => url.Contains("/record", StringComparison.Ordinal));
        Assert.Contains("cannot be before the opening", await Form("tender").Locator("[data-valmsg-for='Tender.Deadline']").InnerTextAsync());
        Assert.Contains("Check the fields", await Form("tender").Locator("[data-testid=form-alert]").InnerTextAsync());
        await AssertAccessible();

        Assert.Equal(before, await EventCount(id));
    }

    [Fact]
    public async Task a_form_left_open_while_someone_else_changed_the_project_asks_to_reload_and_records_nothing()
    {
        var id = await Api.RegisteredProject();
        await SignInAs("officer", name: "yamada");
        await Open($"/projects/{id}/record");
        await Api.Touchpoint(id, officer: "suzuki"); // meanwhile, through the API

        await Page.Locator("#Status_Status").SelectOptionAsync("Suspended");
        await Page.Locator("#Status_Reason").FillAsync("Budget freeze");
        await Page.Locator("#Status_EffectiveOn").FillAsync("2026-09-01");
        await Submit("status", url => url.Contains("/record", StringComparison.Ordinal));
        Assert.Contains("再読み込み", await Form("status").Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.Equal(2, await EventCount(id));

        await Open($"/projects/{id}/record"); // reloaded: the current version, accepted
        await Page.Locator("#Status_Status").SelectOptionAsync("Suspended");
        await Page.Locator("#Status_Reason").FillAsync("Budget freeze");
        await Page.Locator("#Status_EffectiveOn").FillAsync("2026-09-01");
        await Submit("status", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));
        Assert.Contains("状況の変更", await Page.Locator("[data-testid=timeline]").InnerTextAsync());
        Assert.Equal(3, await EventCount(id));
    }
}
