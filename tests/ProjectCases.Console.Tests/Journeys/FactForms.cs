using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>The record page's other forms: touchpoint outcome, studies, agreements, a failed tender, an award without a tender.</summary>
public class FactForms(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private Task Recorded(Guid id, string form) => Submit(form, url => url.EndsWith($"/projects/{id}", StringComparison.Ordinal));

    [Fact]
    public async Task an_officer_records_an_outcome_a_study_and_its_completion_an_agreement_a_failed_tender_and_a_direct_award_in_japanese()
    {
        var id = await Api.RegisteredProject();
        await Api.Touchpoint(id);
        await Api.Post($"/api/projects/{id}/tenders", new { package = "CP-105 Depot", tenderType = "ICB", openedOn = "2026-04-01" });
        await SignInAs("officer", name: "yamada");

        await Open($"/projects/{id}/record");
        await AssertAccessible();
        await Page.Locator("#Outcome_Outcome").FillAsync("Signalling to be tendered as a separate package.");
        await Page.Locator("#Outcome_RecordedOn").FillAsync("2026-05-20");
        await Recorded(id, "outcome");

        await Open($"/projects/{id}/record");
        await Page.Locator("#Study_StudyType").SelectOptionAsync("FeasibilityStudy");
        await Page.Locator("#Study_StartedOn").FillAsync("2026-06-01");
        await Page.Locator("#Study_ConductedBy").FillAsync("Oriental Consultants");
        await Recorded(id, "study");

        await Open($"/projects/{id}/record");
        await Page.Locator("#StudyCompletion_CompletedOn").FillAsync("2026-09-30");
        await Page.Locator("#StudyCompletion_Findings").FillAsync("Viable with yen loan financing.");
        await Recorded(id, "study-completion");

        await Open($"/projects/{id}/record");
        await Page.Locator("#Agreement_AgreementType").SelectOptionAsync("MOC");
        await Page.Locator("#Agreement_Level").SelectOptionAsync("Political");
        await Page.Locator("#Agreement_Title").FillAsync("Memorandum of Cooperation on railway development");
        await Page.Locator("#Agreement_Parties").FillAsync("MLIT\nDepartment of Transportation");
        await Page.Locator("#Agreement_SignedOn").FillAsync("2026-10-05");
        await Recorded(id, "agreement");

        await Open($"/projects/{id}/record");
        await Page.Locator("#Failure_Reason").SelectOptionAsync("NoBidders");
        await Page.Locator("#Failure_On").FillAsync("2026-10-10");
        await Recorded(id, "failure");

        await Open($"/projects/{id}/record");
        await Page.Locator("#DirectAward_Package").FillAsync("Rolling stock (G2G)");
        await Page.Locator("#DirectAward_Winner").FillAsync("Sumitomo Corporation");
        await Page.Locator("#DirectAward_JapaneseWinner").SelectOptionAsync("true");
        await Page.Locator("#DirectAward_AwardType").SelectOptionAsync("Prime");
        await Page.Locator("#DirectAward_Scope").SelectOptionAsync("RollingStock");
        await Page.Locator("#DirectAward_AwardedOn").FillAsync("2026-11-01");
        await Recorded(id, "direct-award");

        var timeline = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("Signalling to be tendered as a separate package.", timeline);
        Assert.Contains("Oriental Consultants", timeline);
        Assert.Contains("Viable with yen loan financing.", timeline);
        Assert.Contains("MLIT, Department of Transportation", timeline);
        Assert.Contains("Rolling stock (G2G)", timeline);
        Assert.Contains("Sumitomo Corporation", timeline);
        Assert.Equal("9", await Page.Locator("[data-testid=version]").InnerTextAsync()); // registered, touchpoint, tender + six forms
    }

    [Fact]
    public async Task a_second_outcome_for_the_same_touchpoint_is_refused_on_its_form_in_english()
    {
        var id = await Api.RegisteredProject();
        var touchpointId = (await Api.Touchpoint(id)).GetProperty("touchpointId").GetGuid();
        await Api.Post($"/api/projects/{id}/touchpoints/{touchpointId}/outcome", new { outcome = "Agreed in principle.", recordedOn = "2026-05-20" });
        await SignInAs("officer", name: "yamada");
        await SwitchToEnglish();
        await Open($"/projects/{id}/record");
        await Page.Locator("#Outcome_Outcome").FillAsync("Something else.");
        await Submit("outcome", url => url.Contains("/record", StringComparison.Ordinal));
        Assert.Contains("This touchpoint already has an outcome recorded.", await Form("outcome").Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.Equal("Something else.", await Page.Locator("#Outcome_Outcome").InputValueAsync());
    }
}
