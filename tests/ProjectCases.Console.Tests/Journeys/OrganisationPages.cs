using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>Organisations in the console: registering one (a duplicate refused, naming the existing one), the list and the page, picking one as a winner or as the reporting company.</summary>
public class OrganisationPages(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private async Task Register(string name, string? nameJa, string kind, string country)
    {
        await Open("/organisations/new");
        await Page.Locator("#Register_Name").FillAsync(name);
        if (nameJa is not null) await Page.Locator("#Register_NameJa").FillAsync(nameJa);
        await Page.Locator("#Register_Kind").SelectOptionAsync(kind);
        await Page.Locator("#Register_Country").FillAsync(country);
    }

    [Fact]
    public async Task an_officer_registers_a_company_is_refused_a_duplicate_in_japanese_and_names_it_as_a_winner_in_english()
    {
        var project = await Api.RegisteredProject();
        var tender = (await Api.Post($"/api/projects/{project}/tenders", new { package = "CP-105 Rolling stock", tenderType = "ICB", openedOn = "2026-04-01" }))
            .GetProperty("tenderId").GetGuid();
        await SignInAs("officer", name: "yamada");

        await Follow("組織", url => url.EndsWith("/organisations", StringComparison.Ordinal));
        await AssertAccessible();
        await Follow("組織を登録", url => url.EndsWith("/organisations/new", StringComparison.Ordinal));
        await AssertAccessible();
        await Register("Sumitomo Corporation", "住友商事", "Company", "jp");
        await Submit("organisation", url => System.Text.RegularExpressions.Regex.IsMatch(url, "/organisations/[0-9a-f-]{36}$"));
        var id = Guid.Parse(Page.Url[^36..]);
        Assert.Equal("住友商事", await Page.Locator("[data-testid=organisation-name]").InnerTextAsync());
        Assert.Contains("企業", await Page.Locator("dl.facts").InnerTextAsync());

        // The same name in full-width letters and other case: refused, with a link to the one on record.
        await Register("ＳＵＭＩＴＯＭＯ  corporation", null, "Company", "JP");
        await Submit("organisation", url => url.EndsWith("/organisations/new", StringComparison.Ordinal));
        Assert.Contains($"({id})", await Form("organisation").Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.Equal("この組織は既に登録されています：登録済みの組織を開く", await Page.Locator("[data-testid=existing-organisation]").InnerTextAsync());
        await AssertAccessible();

        await SwitchToEnglish();
        await Open("/organisations?q=sumitomo");
        Assert.Contains("Sumitomo Corporation", await Page.Locator("[data-testid=organisations]").InnerTextAsync());
        await Open($"/projects/{project}/record");
        await Page.Locator("#Award_TenderId").SelectOptionAsync(tender.ToString());
        await Page.Locator("#Award_WinnerId").SelectOptionAsync(id.ToString());
        await Page.Locator("#Award_JapaneseWinner").SelectOptionAsync("true");
        await Page.Locator("#Award_AwardType").SelectOptionAsync("Prime");
        await Page.Locator("#Award_Scope").SelectOptionAsync("RollingStock");
        await Page.Locator("#Award_AwardedOn").FillAsync("2026-08-01");
        await Submit("award", url => url.EndsWith($"/projects/{project}", StringComparison.Ordinal));
        Assert.Contains("Sumitomo Corporation", await Page.Locator("[data-testid=timeline]").InnerTextAsync()); // the winner's name filled from the record

        await Open($"/organisations/{id}");
        Assert.Equal("Sumitomo Corporation", await Page.Locator("[data-testid=organisation-name]").InnerTextAsync());
        Assert.Contains("CP-105 Rolling stock", await Page.Locator("[data-testid=awards]").InnerTextAsync());
        Assert.Contains("Metro Manila Subway", await Page.Locator("[data-testid=projects]").InnerTextAsync());
        await AssertAccessible();
    }

    [Fact]
    public async Task the_hotline_reports_a_case_for_a_joint_venture_picked_from_the_record_and_it_shows_on_the_joint_ventures_page()
    {
        var project = await Api.RegisteredProject();
        await Api.Awarded(project);
        var member = (await Api.Post("/api/organisations", new { name = "Shimizu Corporation", nameJa = "清水建設", kind = "Company", country = "JP" })).GetProperty("id").GetGuid();
        var jv = (await Api.Post("/api/organisations", new { name = "Shimizu-Fujita JV", kind = "JointVenture", country = "JP", members = new[] { member } }))
            .GetProperty("id").GetGuid();
        await SignInAs("hotline", name: "suzuki");
        await SwitchToEnglish();

        await Open("/cases/new");
        await Page.Locator("#Report_ProjectId").SelectOptionAsync(project.ToString());
        await Page.Locator("#Report_Category").SelectOptionAsync("LatePayment");
        await Page.Locator("#Report_Summary").FillAsync("Advance payment withheld by the employer");
        await Page.Locator("#Report_Details").FillAsync("No payment since June.");
        await Page.Locator("#Report_OccurredOn").FillAsync("2026-08-01");
        await Page.Locator("#Report_Reporter_OrganisationId").SelectOptionAsync(jv.ToString());
        await Page.Locator("#Report_Reporter_CompanyType").SelectOptionAsync("Contractor");
        await Page.Locator("#Report_Reporter_ContactName").FillAsync("Sato");
        await Page.Locator("#Report_Reporter_Email").FillAsync("sato@example.co.jp");
        await Submit("report", url => System.Text.RegularExpressions.Regex.IsMatch(url, "/cases/[0-9a-f-]{36}$"));

        await Open($"/organisations/{jv}");
        Assert.Contains("Advance payment withheld by the employer", await Page.Locator("[data-testid=cases]").InnerTextAsync());
        Assert.Contains("Shimizu Corporation", await Page.Locator("[data-testid=members]").InnerTextAsync());
        await Open($"/organisations/{member}");
        Assert.Contains("Shimizu-Fujita JV", await Page.Locator("[data-testid=member-of]").InnerTextAsync());
        Assert.Contains("Advance payment withheld by the employer", await Page.Locator("[data-testid=cases]").InnerTextAsync());
    }
}
