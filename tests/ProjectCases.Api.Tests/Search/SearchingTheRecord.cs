using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Search;

/// <summary>GET /api/search: one search over projects, touchpoints and (for those allowed) trouble cases.</summary>
public class SearchingTheRecord(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> Search(string role, string query, string? company = null, int expected = 200)
    {
        await WaitForProjections(); // the index is built by the async daemon
        var result = await As(role, s => { s.Get.Url($"/api/search?{query}"); s.StatusCodeShouldBe(expected); }, company);
        return ReadJson(result);
    }

    private static List<(string Kind, Guid Id)> Hits(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("id").GetGuid()))];

    [Fact]
    public async Task a_two_character_japanese_substring_of_a_name_finds_the_project()
    {
        var metro = await GivenProjects.Registered(Host, new { name = "Jakarta MRT", nameJa = "ジャカルタ都市高速鉄道", country = "ID", sector = "Rail", financing = "YenLoan" });
        await GivenProjects.Registered(Host, new { name = "Cebu Port", nameJa = "セブ港湾整備", country = "PH", sector = "Port", financing = "YenLoan" });

        var page = await Search("officer", "q=" + Uri.EscapeDataString("都市"));

        Assert.Equal([("project", metro)], Hits(page));
        Assert.Contains("都市", page.GetProperty("items")[0].GetProperty("snippet").GetString());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.False(page.GetProperty("totalIsLowerBound").GetBoolean());
    }

    [Fact]
    public async Task full_width_letters_find_half_width_text_after_normalisation()
    {
        var metro = await GivenProjects.Registered(Host, new { name = "Jakarta MRT", country = "ID", sector = "Rail", financing = "YenLoan" });

        Assert.Equal([("project", metro)], Hits(await Search("officer", "q=" + Uri.EscapeDataString("ＭＲＴ"))));
    }

    [Fact]
    public async Task a_touchpoint_is_found_by_its_summary_and_names_its_project()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var touchpoint = (await project.Post("/touchpoints", new
        {
            kind = "PolicyDialogue", occurredOn = "2024-05-10", japanLevel = "Minister", counterpart = "Ministry of Railways",
            summary = "新幹線システムの安全性を説明した。",
        }, 201)).GetProperty("touchpointId").GetGuid();

        var page = await Search("officer", "q=" + Uri.EscapeDataString("安全") + "&kinds=touchpoint");

        var hit = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("touchpoint", touchpoint, project.Id), (hit.GetProperty("kind").GetString(), hit.GetProperty("id").GetGuid(), hit.GetProperty("projectId").GetGuid()));
    }

    [Fact]
    public async Task a_country_level_engagement_is_found_by_its_text_by_those_who_read_engagements()
    {
        var cable = await GivenProjects.Registered(Host, new { name = "Submarine cable", country = "VN", sector = "ICT", financing = "JICT", ministry = "MIC" });
        var dialogue = ReadJson(await As("officer", s =>
        {
            s.Post.Json(new
            {
                touchpoint = new
                {
                    kind = "PolicyDialogue", occurredOn = "2022-11-20", japanLevel = "Minister", counterpart = "Ministry of Information and Communications",
                    summary = "海底ケーブルと5Gに関する政策対話。",
                },
                country = "VN", ministry = "MIC", sector = "ICT", projectIds = new[] { cable },
            }).ToUrl("/api/engagements");
            s.StatusCodeShouldBe(201);
        })).GetProperty("engagementId").GetGuid();
        var mou = ReadJson(await As("officer", s =>
        {
            s.Post.Json(new
            {
                agreement = new { agreementType = "MOC", level = "Administrative", title = "ICT cooperation memorandum", parties = new[] { "MIC", "MIC Viet Nam" }, signedOn = "2023-02-01" },
                country = "VN", ministry = "MIC",
            }).ToUrl("/api/engagements");
            s.StatusCodeShouldBe(201);
        })).GetProperty("engagementId").GetGuid();

        var byJapanese = await Search("officer", "q=" + Uri.EscapeDataString("政策"));
        var hit = Assert.Single(byJapanese.GetProperty("items").EnumerateArray());
        Assert.Equal(("engagement", dialogue, cable), (hit.GetProperty("kind").GetString(), hit.GetProperty("id").GetGuid(), hit.GetProperty("projectId").GetGuid()));
        Assert.Equal([("engagement", mou)], Hits(await Search("auditor", "q=memorandum&kinds=engagement")));
        Assert.Equal(JsonValueKind.Null, (await Search("auditor", "q=memorandum")).GetProperty("items")[0].GetProperty("projectId").ValueKind);
        // Counted once: the copy on the linked project is not a second hit.
        Assert.Equal(1, (await Search("officer", "q=" + Uri.EscapeDataString("海底ケーブル"))).GetProperty("total").GetInt32());
        Assert.Empty(Hits(await Search("hotline", "q=memorandum")));
        Assert.Empty(Hits(await Search("company", "q=memorandum", "Acme Construction")));
    }

    [Fact]
    public async Task winners_and_bidders_find_their_project()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Award(await project.OpenTender()); // the winner is Nippon Koei

        Assert.Equal([("project", project.Id)], Hits(await Search("officer", "q=koei&kinds=project")));
    }

    [Fact]
    public async Task a_trouble_case_is_found_only_by_the_roles_that_may_read_it_and_never_by_another_company()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var acme = await troubles.Reported(projectId, "Acme Construction");
        var other = await troubles.Reported(projectId, "Other Builders");
        const string query = "q=certificates&kinds=trouble";

        Assert.Equal([acme, other], Hits(await Search("hotline", query)).Select(h => h.Id).Order());
        Assert.Equal(2, Hits(await Search("auditor", query)).Count);
        Assert.Empty(Hits(await Search("officer", query)));
        Assert.Equal([("trouble", acme)], Hits(await Search("company", query, "Acme Construction")));
    }

    [Fact]
    public async Task a_company_user_does_not_find_internal_notes_but_the_hotline_does()
    {
        var troubles = new TroubleApi(Host);
        var acme = await troubles.Reported(await troubles.AwardedProject(), "Acme Construction");
        await troubles.Hotline(acme, "notes", new { text = "Embassy contacted the employer privately", visibility = "Internal" });

        Assert.Equal([("trouble", acme)], Hits(await Search("hotline", "q=embassy")));
        Assert.Empty(Hits(await Search("company", "q=embassy", "Acme Construction")));
    }

    [Fact]
    public async Task a_company_user_finds_projects_by_name_but_not_by_what_the_company_view_hides()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Award(await project.OpenTender());

        Assert.Equal([("project", project.Id)], Hits(await Search("company", "q=mumbai", "Acme Construction")));
        Assert.Empty(Hits(await Search("company", "q=koei", "Acme Construction")));
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=a", "q")]
    [InlineData("q=metro&kinds=project,contract", "kinds")]
    [InlineData("q=metro&type=project", "type")]
    public async Task a_missing_or_bad_parameter_is_refused_naming_it(string query, string field)
    {
        var problem = await Search("officer", query, expected: 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
