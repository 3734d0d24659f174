using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Projects;

public class RegisteringAndReadingProjects(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_registered_project_reads_back_with_its_region_stage_and_etag()
    {
        var created = await As("officer", s =>
        {
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.StatusCodeShouldBe(201);
            s.Header("ETag").SingleValueShouldEqual("\"1\"");
        });
        var (id, version) = created.ReadAsJson<IdAndVersion>()!;
        Assert.Equal(1, version);
        Assert.Equal($"/api/projects/{id}", created.Context.Response.Headers.Location.ToString());

        var read = await As("auditor", s =>
        {
            s.Get.Url($"/api/projects/{id}");
            s.StatusCodeShouldBeOk();
            s.Header("ETag").SingleValueShouldEqual("\"1\"");
        });
        var project = ReadJson(read);
        Assert.Equal(id, project.GetProperty("id").GetGuid());
        Assert.Equal("Mumbai-Ahmedabad High Speed Rail", project.GetProperty("name").GetString());
        Assert.Equal("ムンバイ・アーメダバード間高速鉄道", project.GetProperty("nameJa").GetString());
        Assert.Equal("IN", project.GetProperty("country").GetString());
        Assert.Equal("South Asia", project.GetProperty("region").GetString());
        Assert.Equal("Rail", project.GetProperty("sector").GetString());
        Assert.Equal("YenLoan", project.GetProperty("financing").GetString());
        Assert.Equal("Discovery", project.GetProperty("stage").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, project.GetProperty("status").ValueKind);
        Assert.Equal(1, project.GetProperty("version").GetInt64());
        Assert.Equal(0, project.GetProperty("touchpointCount").GetInt32());
        Assert.Equal(0, project.GetProperty("agreementCount").GetInt32());
        Assert.Equal(0, project.GetProperty("awards").GetArrayLength());
        Assert.Equal(0, project.GetProperty("openTroubleCount").GetInt32());
        Assert.Equal(0, project.GetProperty("openFollowUpCount").GetInt32());
        Assert.Equal(TokyoTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), project.GetProperty("lastActivityOn").GetString());
    }

    [Fact]
    public async Task the_list_filters_by_country_region_sector_and_name_in_either_language_and_pages()
    {
        await GivenProjects.Registered(Host, new { name = "Manila Metro", nameJa = "マニラ首都圏地下鉄", country = "PH", sector = "Rail", financing = "YenLoan" });
        await GivenProjects.Registered(Host, new { name = "Patimban Port", nameJa = "パティンバン港", country = "ID", sector = "Port", financing = "YenLoan" });
        var jakarta = await GivenProjects.Registered(Host, new { name = "Jakarta MRT", nameJa = "ジャカルタ都市高速鉄道", country = "ID", sector = "Rail", financing = "YenLoan" });
        await new ProjectApi(Host, jakarta).Post("/status", new { status = "UnderConstruction", reason = "Works", effectiveOn = "2024-01-01" });

        async Task<string> List(string query)
        {
            var result = await As("officer", s => { s.Get.Url($"/api/projects{query}"); s.StatusCodeShouldBeOk(); });
            var body = ReadJson(result);
            var names = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!);
            return $"{string.Join(" | ", names)} (total {body.GetProperty("total").GetInt64()})";
        }

        Assert.Equal("Jakarta MRT | Manila Metro | Patimban Port (total 3)", await List(""));
        Assert.Equal("Jakarta MRT | Patimban Port (total 2)", await List("?country=ID"));
        Assert.Equal("Jakarta MRT (total 1)", await List("?country=ID&sector=Rail"));
        Assert.Equal("Jakarta MRT | Manila Metro | Patimban Port (total 3)", await List("?region=" + Uri.EscapeDataString("Southeast Asia")));
        Assert.Equal(" (total 0)", await List("?region=Europe"));
        Assert.Equal("Manila Metro (total 1)", await List("?q=manila"));
        Assert.Equal("Jakarta MRT (total 1)", await List("?status=UnderConstruction"));
        Assert.Equal("Jakarta MRT (total 1)", await List("?stage=Construction"));
        Assert.Equal("Manila Metro | Patimban Port (total 2)", await List("?stage=Discovery"));
        Assert.Equal("Patimban Port (total 1)", await List("?q=" + Uri.EscapeDataString("パティンバン")));
        Assert.Equal("Manila Metro (total 3)", await List("?page=2&pageSize=1"));

        var paging = ReadJson(await As("officer", s => { s.Get.Url("/api/projects?page=2&pageSize=1"); }));
        Assert.Equal(2, paging.GetProperty("page").GetInt32());
        Assert.Equal(1, paging.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task bad_list_parameters_are_each_named_in_a_400()
    {
        var result = await As("officer", s =>
        {
            s.Get.Url("/api/projects?pageSize=500&sector=Spaceport&country=ZZ");
            s.StatusCodeShouldBe(400);
        });
        var errors = ReadJson(result).GetProperty("errors");
        Assert.Equal(["country", "pageSize", "sector"], errors.EnumerateObject().Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public async Task company_users_list_and_read_projects_only_in_the_company_view()
    {
        var id = await GivenProjects.Registered(Host);
        var list = ReadJson(await As("company", s => { s.Get.Url("/api/projects"); s.StatusCodeShouldBeOk(); }, company: "Acme"));
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.False(list.GetProperty("items")[0].TryGetProperty("version", out _));
        var one = ReadJson(await As("company", s => { s.Get.Url($"/api/projects/{id}"); s.StatusCodeShouldBeOk(); }, company: "Acme"));
        Assert.False(one.TryGetProperty("financing", out _));
        Assert.Equal(0, one.GetProperty("ownTroubleCount").GetInt32());
    }
}
