using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Engagements;

/// <summary>Engagements of a country partnership, not tied to one project (issue 16 item 4).</summary>
public class RecordingEngagements(ApiFixture fixture) : ApiTest(fixture)
{
    private Task<Guid> IctProject(string name, string country = "VN") =>
        GivenProjects.Registered(Host, new { name, country, sector = "ICT", financing = "JICT", ministry = "MIC" });

    public static object Dialogue(string occurredOn = "2022-11-20", string country = "VN", string ministry = "MIC", Guid[]? projectIds = null, string? sector = "ICT") => new
    {
        touchpoint = new
        {
            kind = "PolicyDialogue", occurredOn, japanLevel = "Minister", counterpart = "Ministry of Information and Communications",
            summary = "ICT policy dialogue: 5G and submarine cables.",
        },
        country, ministry, sector, projectIds,
    };

    private async Task<Dictionary<string, JsonElement>> Kpi(string query)
    {
        await WaitForProjections();
        var result = await As("officer", s => { s.Get.Url($"/api/reports/kpi?{query}"); s.StatusCodeShouldBeOk(); });
        return ReadJson(result).GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
    }

    private async Task<JsonElement> Engagements(string query = "")
    {
        var result = await As("auditor", s => { s.Get.Url($"/api/engagements{query}"); s.StatusCodeShouldBeOk(); });
        return ReadJson(result);
    }

    [Fact]
    public async Task a_country_level_dialogue_counts_once_in_the_kpi_and_appears_on_each_linked_projects_timeline()
    {
        var cable = await IctProject("Submarine cable");
        var dataCentre = await IctProject("Data centre");
        var result = await As("officer", s => { s.Post.Json(Dialogue(projectIds: [cable, dataCentre])).ToUrl("/api/engagements"); s.StatusCodeShouldBe(201); });
        var engagementId = ReadJson(result).GetProperty("engagementId").GetGuid();
        Assert.Equal($"/api/engagements/{engagementId}", result.Context.Response.Headers.Location.ToString());

        Assert.Equal(1, (await Kpi("fiscalYear=2022"))["touchpoints.policyDialogues"].GetProperty("actual").GetDecimal());
        Assert.Equal(1, (await Kpi("fiscalYear=2022&ministry=MIC"))["touchpoints.policyDialogues"].GetProperty("actual").GetDecimal());
        Assert.Equal(1, (await Kpi("fiscalYear=2022&ministry=MIC"))["touchpoints.total"].GetProperty("actual").GetDecimal());
        Assert.Equal(0, (await Kpi("fiscalYear=2022&ministry=MLIT"))["touchpoints.policyDialogues"].GetProperty("actual").GetDecimal());

        foreach (var projectId in new[] { cable, dataCentre })
        {
            var project = await new ProjectApi(Host, projectId).Read();
            var linked = Assert.Single(project.GetProperty("engagements").EnumerateArray());
            Assert.Equal(engagementId, linked.GetProperty("engagementId").GetGuid());
            Assert.Equal("PolicyDialogue", linked.GetProperty("kind").GetString());
            Assert.Equal("2022-11-20", project.GetProperty("lastActivityOn").GetString());
            Assert.Equal(0, project.GetProperty("touchpointCount").GetInt32()); // the project's own touchpoints are not inflated
            var history = ReadJson(await As("auditor", s => { s.Get.Url($"/api/projects/{projectId}/history"); s.StatusCodeShouldBeOk(); }));
            Assert.Contains(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "engagement_linked");
        }

        var listed = Assert.Single((await Engagements("?ministry=MIC&country=VN&from=2022-11-01&to=2022-11-30")).GetProperty("items").EnumerateArray());
        Assert.Equal(engagementId, listed.GetProperty("id").GetGuid());
        Assert.Equal([cable, dataCentre], listed.GetProperty("projectIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.Equal("dev.officer", listed.GetProperty("recordedBy").GetString());
        Assert.Empty((await Engagements("?ministry=MLIT")).GetProperty("items").EnumerateArray());
        Assert.Empty((await Engagements("?from=2022-11-21")).GetProperty("items").EnumerateArray());
        Assert.Single((await Engagements($"?projectId={dataCentre}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task a_political_mou_with_a_country_counts_as_a_political_agreement_without_any_project()
    {
        await As("officer", s =>
        {
            s.Post.Json(new
            {
                agreement = new { agreementType = "MOC", level = "Political", title = "MOC on ICT cooperation", parties = new[] { "MIC", "MIC Viet Nam" }, signedOn = "2023-02-01" },
                country = "VN", ministry = "MIC",
            }).ToUrl("/api/engagements");
            s.StatusCodeShouldBe(201);
        });
        var kpi = await Kpi("fiscalYear=2022&ministry=MIC");
        Assert.Equal(1, kpi["agreements.political"].GetProperty("actual").GetDecimal());
        Assert.Equal(1, kpi["agreements.total"].GetProperty("actual").GetDecimal());
        Assert.Equal("C", kpi["agreements.total"].GetProperty("grade").GetString()); // 1 of MIC's 45
        // A sector filter keeps only engagements of that sector: this one names none.
        Assert.Equal(0, (await Kpi("fiscalYear=2022&ministry=MIC&sector=ICT"))["agreements.total"].GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task bad_engagements_are_refused_and_record_nothing()
    {
        var project = await IctProject("Submarine cable");
        async Task<JsonElement> Refused(object body, int status)
        {
            var result = await As("officer", s => { s.Post.Json(body).ToUrl("/api/engagements"); s.StatusCodeShouldBe(status); });
            return ReadJson(result);
        }

        var neither = await Refused(new { country = "VN", ministry = "MIC" }, 400);
        Assert.True(neither.GetProperty("errors").TryGetProperty("touchpoint", out _));
        var both = await Refused(new
        {
            touchpoint = new { kind = "Seminar", occurredOn = "2022-05-01", japanLevel = "Official", counterpart = "x", summary = "x" },
            agreement = new { agreementType = "MOU", level = "Administrative", title = "x", parties = new[] { "a" }, signedOn = "2022-05-01" },
            country = "VN", ministry = "MIC",
        }, 400);
        Assert.True(both.GetProperty("errors").TryGetProperty("agreement", out _));
        var nested = await Refused(new { touchpoint = new { kind = "Seminar", japanLevel = "Official", counterpart = "x", summary = "x" }, country = "VN", ministry = "MIC" }, 400);
        Assert.True(nested.GetProperty("errors").TryGetProperty("touchpoint.occurredOn", out _));
        var badMinistry = await Refused(new { touchpoint = new { kind = "Seminar", occurredOn = "2022-05-01", japanLevel = "Official", counterpart = "x", summary = "x" }, country = "VN", ministry = "Treasury" }, 400);
        Assert.Contains("ministry", badMinistry.GetProperty("detail").GetString());
        await Refused(Dialogue(country: "XX"), 400);

        var missing = Guid.NewGuid();
        var notFound = await Refused(Dialogue(projectIds: [project, missing]), 404);
        Assert.Contains(missing.ToString(), notFound.GetProperty("detail").GetString());
        Assert.Equal(1, await StreamVersion(project));

        await As("hotline", s => { s.Post.Json(Dialogue()).ToUrl("/api/engagements"); s.StatusCodeShouldBe(403); });
        await As("auditor", s => { s.Post.Json(Dialogue()).ToUrl("/api/engagements"); s.StatusCodeShouldBe(403); });
        await As("company", s => { s.Get.Url("/api/engagements"); s.StatusCodeShouldBe(403); }, company: "Acme");
        Assert.Equal(0, (await Engagements()).GetProperty("total").GetInt64());

        await As("officer", s => { s.Get.Url("/api/engagements?ministry=Treasury"); s.StatusCodeShouldBe(400); });
        await As("officer", s => { s.Get.Url("/api/engagements?kind=Seminar"); s.StatusCodeShouldBe(400); });
        await As("officer", s => { s.Get.Url("/api/engagements?from=2023-01-01&to=2022-01-01"); s.StatusCodeShouldBe(400); });
    }
}
