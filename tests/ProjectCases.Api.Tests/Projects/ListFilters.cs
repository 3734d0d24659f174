using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>Project list filters of projects v2, and every list refusing what it does not know.</summary>
public class ListFilters(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<List<string>> Names(string query)
    {
        var page = ReadJson(await As("officer", s => { s.Get.Url($"/api/projects?{query}"); s.StatusCodeShouldBeOk(); }));
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
    }

    private async Task GivenThreeProjects()
    {
        await GivenProjects.Registered(Host, new { name = "Cable SG-MM-IN", countries = new[] { "SG", "MM", "IN" }, sector = "ICT", financing = "JICT", ministry = "MIC" });
        await GivenProjects.Registered(Host, new { name = "Jakarta MRT", country = "ID", sector = "Rail", financing = "YenLoan", ministry = "MLIT" });
        var nairobi = new ProjectApi(Host, await GivenProjects.Registered(Host, new { name = "Nairobi Bypass", country = "KE", sector = "Road", financing = "Grant", ministry = "MLIT" }));
        await nairobi.Post("/status", new { status = "UnderConstruction", reason = "Works", effectiveOn = "2020-03-01" });
    }

    [Fact]
    public async Task region_ministry_and_financing_each_narrow_the_list()
    {
        await GivenThreeProjects();

        Assert.Equal(["Cable SG-MM-IN", "Jakarta MRT"], await Names("region=" + Uri.EscapeDataString("southeast asia")));
        Assert.Equal(["Jakarta MRT", "Nairobi Bypass"], await Names("ministry=MLIT"));
        Assert.Equal(["Cable SG-MM-IN"], await Names("financing=JICT"));
        Assert.Equal(["Nairobi Bypass"], await Names("ministry=MLIT&region=Sub-Saharan%20Africa"));
    }

    [Fact]
    public async Task a_project_in_several_countries_is_listed_under_each_and_its_region_is_the_primarys()
    {
        await GivenThreeProjects();

        Assert.Equal(["Cable SG-MM-IN"], await Names("country=IN"));
        Assert.Equal(["Cable SG-MM-IN"], await Names("country=SG"));
        Assert.Empty(await Names("region=" + Uri.EscapeDataString("South Asia")));
    }

    [Fact]
    public async Task from_and_to_select_by_last_activity()
    {
        await GivenThreeProjects();
        var today = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime.AddHours(9));

        Assert.Equal(["Nairobi Bypass"], await Names("from=2020-01-01&to=2020-12-31"));
        Assert.Equal(["Cable SG-MM-IN", "Jakarta MRT"], await Names($"from={today.AddDays(-1):yyyy-MM-dd}"));
    }

    [Theory]
    [InlineData("/api/projects?leadAgency=MLIT", "leadAgency")]
    [InlineData("/api/projects?ministry=Transport", "ministry")]
    [InlineData("/api/projects?region=Atlantis", "region")]
    [InlineData("/api/projects?financing=Crowdfunding", "financing")]
    [InlineData("/api/projects?from=2020-13-01", "from")]
    [InlineData("/api/projects?from=2021-01-01&to=2020-01-01", "to")]
    [InlineData("/api/troubles?colour=red", "colour", "hotline")]
    [InlineData("/api/hotline/queue?region=Asia", "region", "hotline")]
    [InlineData("/api/follow-ups?sort=due", "sort", "officer")]
    [InlineData("/api/feed?since=1", "since")]
    [InlineData("/api/reports/kpi?fiscalYear=2024&ministry=MIC&extra=1", "extra")]
    [InlineData("/api/reports/orders?from=2023&to=2024&x=1", "x")]
    [InlineData("/api/reports/hotline?fiscalYear=2024&y=1", "y")]
    public async Task an_unknown_parameter_or_value_on_any_list_is_refused_naming_it(string url, string field, string role = "admin")
    {
        var problem = ReadJson(await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBe(400); }));

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task a_history_refuses_an_unknown_parameter()
    {
        var id = await GivenProjects.Registered(Host);

        var problem = ReadJson(await As("auditor", s => { s.Get.Url($"/api/projects/{id}/history?order=desc"); s.StatusCodeShouldBe(400); }));

        Assert.Contains("Known parameters: format, page, pageSize", problem.GetProperty("errors").GetProperty("order")[0].GetString());
    }

    [Fact]
    public async Task a_project_registered_by_an_old_client_with_country_alone_lists_that_country_as_its_only_one()
    {
        var id = await GivenProjects.Registered(Host, GivenProjects.RailProject());
        var detail = await new ProjectApi(Host, id).Read();

        Assert.Equal(["IN"], detail.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("ministry").ValueKind);
    }

    [Theory]
    [InlineData("""{ "name": "X", "countries": ["SG", "XX"], "sector": "ICT", "financing": "JICT" }""", "countries")]
    [InlineData("""{ "name": "X", "country": "IN", "countries": ["SG", "IN"], "sector": "ICT", "financing": "JICT" }""", "country")]
    [InlineData("""{ "name": "X", "sector": "ICT", "financing": "JICT" }""", "country")]
    [InlineData("""{ "name": "X", "country": "IN", "sector": "ICT", "financing": "JICT", "ministry": "Transport" }""", "ministry")]
    public async Task a_registration_with_bad_countries_or_ministry_is_refused(string body, string field)
    {
        var problem = ReadJson(await As("officer", s => { s.Post.Text(body).ToUrl("/api/projects"); s.WithRequestHeader("Content-Type", "application/json"); s.StatusCodeShouldBe(400); }));

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
