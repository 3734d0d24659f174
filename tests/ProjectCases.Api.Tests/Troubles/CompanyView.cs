using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Troubles;

/// <summary>
/// Issue 22 item 11: a company reads projects only through the company view (catalogue fields and its own cases),
/// and its own case only through the shared timeline.
/// </summary>
public class CompanyView(ApiFixture fixture) : ApiTest(fixture)
{
    private const string A = "Acme Construction", B = "Bravo Engineering";
    private static readonly string[] CompanyProjectFields =
        ["country", "id", "name", "nameJa", "ownOpenTroubleCount", "ownTroubleCount", "ownTroubleIds", "region", "sector", "stage", "status"];

    private TroubleApi Api => new(Host);

    private static string[] Fields(JsonElement item) => [.. item.EnumerateObject().Select(p => p.Name).Order()];

    /// <summary>An awarded project with bids, a touchpoint and a task; A has two cases on it (one closed), B one.</summary>
    private async Task<(Guid Project, Guid[] CasesOfA, Guid CaseOfB)> ProjectWithCasesOfTwoCompanies()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Metro Manila Subway", "PH")));
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201);
        var tender = await project.OpenTender();
        await project.Post($"/tenders/{tender}/bids", new { bidders = new[] { "Shimizu", "Taisei" }, submittedOn = "2024-07-01" });
        await project.Award(tender);
        var a1 = await Api.Reported(project.Id, A, asRole: "company");
        var a2 = await Api.Reported(project.Id, A, asRole: "company");
        await Api.Hotline(a2, "resolve", new { outcome = "Resolved", summary = "Paid" });
        await Api.Hotline(a2, "close");
        var b = await Api.Reported(project.Id, B, asRole: "company");
        return (project.Id, [a1, a2], b);
    }

    [Fact]
    public async Task company_b_reads_a_project_as_catalogue_fields_and_its_own_cases_only()
    {
        var (project, casesOfA, caseOfB) = await ProjectWithCasesOfTwoCompanies();

        var result = await As("company", s => { s.Get.Url($"/api/projects/{project}"); s.StatusCodeShouldBeOk(); }, company: B);
        var seen = ReadJson(result);
        Assert.Equal(CompanyProjectFields, Fields(seen));
        Assert.Equal(("Metro Manila Subway", "PH", "Awarded"), (seen.GetProperty("name").GetString(), seen.GetProperty("country").GetString(),
            seen.GetProperty("stage").GetString()));
        Assert.Equal((1, 1), (seen.GetProperty("ownTroubleCount").GetInt32(), seen.GetProperty("ownOpenTroubleCount").GetInt32()));
        Assert.Equal([caseOfB], seen.GetProperty("ownTroubleIds").EnumerateArray().Select(i => i.GetGuid()));
        Assert.False(result.Context.Response.Headers.ContainsKey("ETag"));
        foreach (var secret in new[] { "Nippon Koei", "Shimizu", "Minister of Railways", casesOfA[0].ToString(), casesOfA[1].ToString() })
            Assert.DoesNotContain(secret, result.ReadAsText());

        var ofA = ReadJson(await As("company", s => { s.Get.Url($"/api/projects/{project}"); s.StatusCodeShouldBeOk(); }, company: A));
        Assert.Equal((2, 1), (ofA.GetProperty("ownTroubleCount").GetInt32(), ofA.GetProperty("ownOpenTroubleCount").GetInt32()));

        // The full record is still there for the ministry.
        var full = ReadJson(await As("officer", s => { s.Get.Url($"/api/projects/{project}"); s.StatusCodeShouldBeOk(); }));
        Assert.Equal("Nippon Koei", full.GetProperty("awards")[0].GetProperty("winner").GetString());
    }

    [Fact]
    public async Task company_users_are_not_offered_time_travel_and_get_404_for_no_project()
    {
        var (project, _, _) = await ProjectWithCasesOfTwoCompanies();
        foreach (var query in new[] { "?asOf=2024-01-01", "?version=1" })
        {
            var problem = ReadJson(await As("company", s => { s.Get.Url($"/api/projects/{project}{query}"); s.StatusCodeShouldBe(400); }, company: B));
            Assert.Contains("not offered to company users", problem.GetProperty("detail").GetString());
        }
        await As("company", s => { s.Get.Url($"/api/projects/{Guid.NewGuid()}"); s.StatusCodeShouldBe(404); }, company: B);
    }

    [Fact]
    public async Task company_users_list_and_search_projects_in_the_company_view_and_never_see_another_companys_cases()
    {
        var (project, casesOfA, caseOfB) = await ProjectWithCasesOfTwoCompanies();
        var other = await GivenProjects.Registered(Host, GivenProjects.RailProject("Jakarta MRT", "ID"));

        var listed = await As("company", s => { s.Get.Url("/api/projects"); s.StatusCodeShouldBeOk(); }, company: B);
        var page = ReadJson(listed);
        Assert.Equal(2, page.GetProperty("total").GetInt64());
        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
        Assert.All(items.Values, item => Assert.Equal(CompanyProjectFields, Fields(item)));
        Assert.Equal([caseOfB], items[project].GetProperty("ownTroubleIds").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Equal(0, items[other].GetProperty("ownTroubleCount").GetInt32());
        Assert.All(casesOfA, id => Assert.DoesNotContain(id.ToString(), listed.ReadAsText()));

        var search = ReadJson(await As("company", s => { s.Get.Url("/api/projects?q=manila"); s.StatusCodeShouldBeOk(); }, company: B));
        Assert.Equal([project], search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        var cases = await As("company", s => { s.Get.Url("/api/troubles?pageSize=200"); s.StatusCodeShouldBeOk(); }, company: B);
        Assert.Equal([caseOfB], ReadJson(cases).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.All(casesOfA, id => Assert.DoesNotContain(id.ToString(), cases.ReadAsText()));
    }

    [Fact]
    public async Task internal_actions_on_a_case_change_nothing_the_reporting_company_sees()
    {
        var caseOfA = await Api.Reported(await Api.AwardedProject(), A, asRole: "company");
        async Task<(string Detail, string List)> SeenByA() => (
            (await As("company", s => { s.Get.Url($"/api/troubles/{caseOfA}"); s.StatusCodeShouldBeOk(); }, company: A)).ReadAsText(),
            (await As("company", s => { s.Get.Url("/api/troubles"); s.StatusCodeShouldBeOk(); }, company: A)).ReadAsText());

        var before = await SeenByA();
        await Api.Hotline(caseOfA, "assign", new { officer = "hotline.yamada" });
        await Api.Hotline(caseOfA, "consultations", new { agency = "MOFA", note = "Sensitive diplomatic angle" });
        await Api.Hotline(caseOfA, "notes", new { text = "Internal: employer's CFO is unreliable", visibility = "Internal" });
        Assert.Equal(before, await SeenByA()); // not a version, not an instant, not a flag moved

        var detail = await As("company", s => { s.Get.Url($"/api/troubles/{caseOfA}"); s.StatusCodeShouldBeOk(); }, company: A);
        Assert.False(detail.Context.Response.Headers.ContainsKey("ETag"));
        var fields = Fields(ReadJson(detail));
        Assert.DoesNotContain("version", fields);
        Assert.DoesNotContain("assignee", fields);
        Assert.DoesNotContain("firstRespondedAt", fields);

        await Api.Hotline(caseOfA, "notes", new { text = "We have contacted the embassy", visibility = "Shared" });
        Assert.NotEqual(before, await SeenByA()); // a shared line does show
    }

    [Fact]
    public async Task a_company_write_answers_without_a_version_and_if_match_is_not_offered_to_it()
    {
        var caseOfA = await Api.Reported(await Api.AwardedProject(), A, asRole: "company");
        await Api.Hotline(caseOfA, "assign", new { officer = "hotline.yamada" });

        var noted = await As("company", s => { s.Post.Json(new { text = "Any news?" }).ToUrl($"/api/troubles/{caseOfA}/notes"); s.StatusCodeShouldBeOk(); }, company: A);
        Assert.Equal(["id"], Fields(ReadJson(noted)));
        Assert.False(noted.Context.Response.Headers.ContainsKey("ETag"));

        var version = await StreamVersion(caseOfA);
        await As("company", s =>
        {
            s.WithRequestHeader("If-Match", "\"1\"");
            s.Post.Json(new { text = "Probing" }).ToUrl($"/api/troubles/{caseOfA}/notes");
            s.StatusCodeShouldBe(400);
        }, company: A);
        Assert.Equal(version, await StreamVersion(caseOfA));
    }
}
