using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Organisations;

/// <summary>Organisations and contacts through the real API: the JV and its members, duplicates, renames, references, who sees which cases.</summary>
public class OrganisationScenarios(ApiFixture fixture) : ApiTest(fixture)
{
    private TroubleApi Calls => new(Host);

    private async Task<Guid> Registered(string name, string? nameJa, string kind, string country = "JP", Guid[]? members = null, string role = "officer") =>
        (await Calls.Send(role, "/api/organisations", new { name, nameJa, kind, country, members }, 201)).GetProperty("id").GetGuid();

    private async Task<JsonElement> Page(Guid id, string role = "hotline", string? company = null, int expected = 200)
    {
        var (status, body) = await Calls.Get(role, $"/api/organisations/{id}", company);
        Assert.Equal(expected, status);
        return body;
    }

    private static string[] Ids(JsonElement page, string list, string field = "id") =>
        [.. page.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(field).GetString()!).Order()];

    [Fact]
    public async Task a_joint_venture_that_won_an_award_and_reported_a_case_shows_both_on_its_page_and_its_members_pages()
    {
        var sumitomo = await Registered("Sumitomo Corporation", "住友商事", "Company");
        var mitsubishi = await Registered("Mitsubishi Heavy Industries", "三菱重工業", "Company");
        var jv = await Registered("SC-MHI Joint Venture", "住友商事・三菱重工業JV", "JointVenture", members: [sumitomo, mitsubishi]);
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Metro Manila Subway", "PH")));
        var tender = await project.OpenTender();
        var award = (await project.Post($"/tenders/{tender}/award", new
        {
            winner = "SC-MHI JV", winnerId = jv, japaneseWinner = true, awardType = "Prime", scope = "RollingStock",
            amount = new { value = 120_000_000m, currency = "USD" }, amountJpy = 18_000_000_000m, awardedOn = "2024-10-15",
        })).GetProperty("awardId").GetGuid();
        var trouble = await Calls.Reported(project.Id, "SC-MHI Joint Venture", asRole: "company");

        var page = await Page(jv);
        Assert.Equal("SC-MHI Joint Venture", page.GetProperty("name").GetString());
        Assert.Equal("JointVenture", page.GetProperty("kind").GetString());
        Assert.Equal(new[] { mitsubishi.ToString(), sumitomo.ToString() }.Order(), Ids(page, "members"));
        Assert.Equal([project.Id.ToString()], Ids(page, "projects", "projectId"));
        var won = Assert.Single(page.GetProperty("awards").EnumerateArray());
        Assert.Equal(award, won.GetProperty("awardId").GetGuid());
        Assert.Equal(jv, won.GetProperty("winnerId").GetGuid());
        Assert.Equal(JsonValueKind.Null, won.GetProperty("via").ValueKind);
        Assert.Equal([trouble.ToString()], Ids(page, "cases"));

        // A member sees the JV's award through the JV, and the case the JV reported.
        var member = await Page(sumitomo);
        Assert.Equal([jv.ToString()], Ids(member, "memberOf"));
        Assert.Equal(jv, Assert.Single(member.GetProperty("awards").EnumerateArray()).GetProperty("via").GetGuid());
        Assert.Equal([trouble.ToString()], Ids(member, "cases"));

        // The case records the reporting organisation the company's token maps to.
        var (_, caseRead) = await Calls.Get("hotline", $"/api/troubles/{trouble}");
        Assert.Equal(jv, caseRead.GetProperty("reporter").GetProperty("organisationId").GetGuid());
        // The project's award names the winner by id.
        Assert.Equal(jv, Assert.Single((await project.Read()).GetProperty("awards").EnumerateArray()).GetProperty("winnerId").GetGuid());
    }

    [Theory]
    [InlineData("  jica ", null)]
    [InlineData("ＪＩＣＡ", null)]
    [InlineData("Another name", "国際協力 機構")]
    [InlineData("Another name", "jica")]
    public async Task an_organisation_whose_name_is_already_on_record_in_either_script_is_refused_naming_the_existing_one(string name, string? nameJa)
    {
        var jica = await Registered("JICA", "国際協力機構", "JapaneseAgency");

        var refused = await Calls.Send("officer", "/api/organisations", new { name, nameJa, kind = "JapaneseAgency", country = "JP" }, 409);

        Assert.Equal(jica, refused.GetProperty("existingId").GetGuid());
        Assert.Contains("'JICA' / '国際協力機構'", refused.GetProperty("detail").GetString());
        Assert.Contains(jica.ToString(), refused.GetProperty("detail").GetString());
        Assert.Equal(1, (await Calls.Get("officer", "/api/organisations?q=jica")).Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task a_renamed_organisation_keeps_its_former_names_in_its_page_and_history_and_is_found_by_the_new_one()
    {
        var ministry = await Registered("Ministry of Transport", "運輸省", "PartnerMinistry", "VN");
        await Calls.Send("officer", $"/api/organisations/{ministry}/rename",
            new { name = "Ministry of Transport and Communications", nameJa = "運輸通信省", reason = "Merged with the communications ministry." }, 200);

        var page = await Page(ministry, "officer");
        Assert.Equal("Ministry of Transport and Communications", page.GetProperty("name").GetString());
        Assert.Equal(["Ministry of Transport", "Ministry of Transport and Communications"],
            page.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToArray());
        Assert.Equal("Merged with the communications ministry.", page.GetProperty("names")[1].GetProperty("reason").GetString());
        var (_, history) = await Calls.Get("officer", $"/api/organisations/{ministry}/history");
        Assert.Equal(["organisation_registered", "organisation_renamed"],
            history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());
        Assert.Equal(ministry, Assert.Single((await Calls.Get("officer", "/api/organisations?q=通信")).Body.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        // Renaming to another organisation's name is a duplicate; to the same name, a conflict too.
        await Registered("Ministry of Finance", null, "PartnerMinistry", "VN");
        await Calls.Send("officer", $"/api/organisations/{ministry}/rename", new { name = "ministry of  finance" }, 409);
        await Calls.Send("officer", $"/api/organisations/{Guid.NewGuid()}/rename", new { name = "Nowhere" }, 404);
    }

    [Fact]
    public async Task a_company_user_sees_only_its_own_cases_on_the_joint_venture_page_and_no_other_organisation()
    {
        var taisei = await Registered("Taisei Corporation", "大成建設", "Company");
        var obayashi = await Registered("Obayashi Corporation", "大林組", "Company");
        var jv = await Registered("Taisei-Obayashi JV", null, "JointVenture", members: [taisei, obayashi]);
        var projectId = await Calls.AwardedProject();
        var taiseiCase = await Calls.Reported(projectId, "大成建設", asRole: "company");
        var obayashiCase = await Calls.Reported(projectId, "Obayashi Corporation", asRole: "company");
        var jvCase = await Calls.Send("hotline", "/api/troubles", WithOrganisation(TroubleApi.Report(projectId, "Taisei-Obayashi JV"), jv), 201);

        Assert.Equal(new[] { taiseiCase.ToString(), obayashiCase.ToString(), jvCase.GetProperty("id").GetString()! }.Order(), Ids(await Page(jv), "cases"));
        var asTaisei = await Page(jv, "company", "大成建設");
        Assert.Equal([taiseiCase.ToString()], Ids(asTaisei, "cases"));
        Assert.Empty(asTaisei.GetProperty("awards").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, asTaisei.GetProperty("version").ValueKind);
        Assert.Equal([taiseiCase.ToString()], Ids(await Page(taisei, "company", "大成建設"), "cases"));
        await Page(obayashi, "company", "大成建設", expected: 404);
        Assert.Equal(403, (await Calls.Get("company", "/api/organisations", "大成建設")).Status);
    }

    private static Dictionary<string, object?> WithOrganisation(object report, Guid organisationId)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(report, Json), Json)!;
        var reporter = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(fields["reporter"], Json), Json)!;
        reporter["organisationId"] = organisationId;
        fields["reporter"] = reporter;
        return fields;
    }

    [Fact]
    public async Task ids_that_name_no_organisation_are_refused_naming_the_field_and_nothing_is_recorded()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var nobody = Guid.NewGuid();
        var touchpoint = await project.Post("/touchpoints", new
        {
            kind = "TopSales", occurredOn = "2024-05-10", japanLevel = "Minister", counterpart = "Minister of Railways", summary = "Promoted.", counterpartId = nobody,
        }, 400);
        Assert.True(touchpoint.GetProperty("errors").TryGetProperty("counterpartId", out _));
        var agreement = await project.Post("/agreements", new
        {
            agreementType = "MOC", level = "Administrative", title = "MOC on rail", parties = new[] { "MLIT" }, signedOn = "2024-06-01", partyIds = new[] { nobody },
        }, 400);
        Assert.Contains(nobody.ToString(), agreement.GetProperty("errors").GetProperty("partyIds")[0].GetString());
        var award = await project.Post("/awards", new
        {
            package = "E5", winner = "Hitachi", winnerId = nobody, japaneseWinner = true, awardType = "Prime", scope = "RollingStock", awardedOn = "2024-10-15",
        }, 400);
        Assert.True(award.GetProperty("errors").TryGetProperty("winnerId", out _));
        await Calls.Send("officer", "/api/contacts", new { name = "Tanaka Ichiro", organisationId = nobody }, 400);
        await Calls.Send("officer", "/api/organisations", new { name = "Some JV", kind = "JointVenture", country = "JP", members = new[] { nobody } }, 400);
        await Calls.Send("officer", "/api/organisations", new { name = "Lonely Co", kind = "Company", country = "JP", members = new[] { nobody } }, 400);
        Assert.Equal(1, (await project.Read()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task contacts_are_listed_by_organisation_and_a_touchpoint_with_its_counterpart_by_id_shows_on_the_counterparts_page()
    {
        var ministry = await Registered("Ministry of Railways", "鉄道省", "PartnerMinistry", "IN");
        await Calls.Send("hotline", "/api/contacts", new { name = "Rajesh Kumar", nameJa = "ラジェシュ・クマール", organisationId = ministry, role = "Director", email = "rk@example.in" }, 201);
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var touchpointId = (await project.Post("/touchpoints", new
        {
            kind = "BilateralMeeting", occurredOn = "2024-05-10", japanLevel = "Minister", counterpart = "Minister of Railways", summary = "Promoted.", counterpartId = ministry,
        }, 201)).GetProperty("touchpointId").GetGuid();

        var (_, contacts) = await Calls.Get("officer", $"/api/contacts?organisationId={ministry}");
        var contact = Assert.Single(contacts.GetProperty("items").EnumerateArray());
        Assert.Equal(("Rajesh Kumar", "ラジェシュ・クマール", "Director", "rk@example.in"), (contact.GetProperty("name").GetString(), contact.GetProperty("nameJa").GetString(),
            contact.GetProperty("role").GetString(), contact.GetProperty("email").GetString()));
        Assert.Equal(touchpointId, Assert.Single((await Page(ministry, "officer")).GetProperty("touchpoints").EnumerateArray()).GetProperty("touchpointId").GetGuid());
        Assert.Equal(403, (await Calls.Get("company", "/api/contacts", "Acme Construction")).Status);
    }
}

/// <summary>The sample data: the organisations the source documents name, loaded once.</summary>
public class SampleOrganisationsLoading(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_organisations_the_documents_name_load_once_and_are_found_in_either_script()
    {
        var loader = Host.Services.GetRequiredService<ProjectCases.Projects.SampleData.SampleDataLoader>();
        await loader.LoadAsync(ProjectCases.Projects.SampleData.SampleFile.DefaultPath, CancellationToken.None);
        await loader.LoadAsync(ProjectCases.Projects.SampleData.SampleFile.DefaultPath, CancellationToken.None);

        var calls = new TroubleApi(Host);
        var (_, all) = await calls.Get("officer", "/api/organisations?pageSize=200");
        Assert.Equal(["JICA", "JICT", "JOIN", "METI", "MIC", "MLIT", "MOFA", "NTT Communications"],
            all.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray());
        var (_, ntt) = await calls.Get("officer", "/api/organisations?q=NTT国際通信");
        Assert.Equal("Company", Assert.Single(ntt.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
    }
}
