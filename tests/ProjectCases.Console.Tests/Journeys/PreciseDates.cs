using Marten;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>An officer records facts the source dates only by month or fiscal year; the case file shows them as given.</summary>
public class PreciseDates(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task a_month_and_a_fiscal_year_are_recorded_through_the_forms_and_shown_as_given_in_japanese_and_english()
    {
        var id = await Api.RegisteredProject();
        await SignInAs("officer", name: "yamada");

        await Open($"/projects/{id}/record");
        await AssertAccessible();
        await Page.Locator("#Touchpoint_Kind").SelectOptionAsync("Seminar");
        await Page.Locator("#Touchpoint_OccurredOn").FillAsync("2019-05");
        await Page.Locator("#Touchpoint_JapanLevel").SelectOptionAsync("Official");
        await Page.Locator("#Touchpoint_Counterpart").FillAsync("Department of Transportation");
        await Page.Locator("#Touchpoint_Summary").FillAsync("Seminar on railway safety.");
        await Submit("touchpoint", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));

        await Open($"/projects/{id}/record");
        await Page.Locator("#Tender_Package").FillAsync("CP-301 Depot");
        await Page.Locator("#Tender_TenderType").SelectOptionAsync("ICB");
        await Page.Locator("#Tender_OpenedOn").FillAsync("FY2019");
        await Submit("tender", url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));

        var timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("2019年5月", timeline);
        Assert.Contains("2019年度", timeline);
        Assert.DoesNotContain("2019年5月1日", timeline); // never widened to a made-up day

        await SwitchToEnglish();
        await Open($"/projects/{id}");
        timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("May 2019", timeline);
        Assert.Contains("FY2019", timeline);
        Assert.DoesNotContain("1 May 2019", timeline);
    }

    [Fact]
    public async Task a_date_in_none_of_the_forms_is_refused_on_its_field_and_records_nothing()
    {
        var id = await Api.RegisteredProject();
        await SignInAs("officer", name: "yamada");
        await SwitchToEnglish();
        await Open($"/projects/{id}/record");

        await Page.Locator("#Status_Status").SelectOptionAsync("Suspended");
        await Page.Locator("#Status_Reason").FillAsync("Budget freeze");
        await Page.Locator("#Status_EffectiveOn").FillAsync("2019-13"); // the shape the browser checks, a month that does not exist
        await Submit("status", url => url.Contains("/record", StringComparison.Ordinal));
        Assert.Contains("Check the fields", await Form("status").Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.Contains("2019-13", await Form("status").Locator("[data-valmsg-for='Status.EffectiveOn']").InnerTextAsync());

        await using var session = Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(id));
    }
}
