using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Audit;

public class ProjectHistory(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<System.Text.Json.JsonElement> History(Guid id, string query = "")
    {
        var result = await As("auditor", s => { s.Get.Url($"/api/projects/{id}/history{query}"); s.StatusCodeShouldBeOk(); });
        return ReadJson(result);
    }

    [Fact]
    public async Task each_event_shows_who_recorded_it_and_one_request_shares_one_correlation_id()
    {
        var created = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {ProjectCases.Infrastructure.Auth.DevelopmentTokens.Create("officer", name: "tanaka", displayName: "Tanaka Hiroshi")}");
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.StatusCodeShouldBe(201);
        });
        var first = ReadJson(created).GetProperty("id").GetGuid();
        var second = await GivenProjects.Registered(Host, GivenProjects.RailProject("Delhi Metro"));
        await As("officer", s => { s.Post.Json(ProjectApi.Touchpoint(alsoFor: [second])).ToUrl($"/api/projects/{first}/touchpoints"); s.StatusCodeShouldBe(201); }, name: "suzuki");

        var items = (await History(first)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["project_registered", "touchpoint_logged"], items.Select(i => i.GetProperty("type").GetString()!).ToArray());
        Assert.Equal(["tanaka", "suzuki"], items.Select(i => i.GetProperty("recordedBy").GetString()!).ToArray());
        Assert.Equal(["Tanaka Hiroshi", "suzuki"], items.Select(i => i.GetProperty("recordedByName").GetString()!).ToArray());
        Assert.Equal([1L, 2L], items.Select(i => i.GetProperty("version").GetInt64()).ToArray());
        Assert.Equal("Minister of Railways", items[1].GetProperty("data").GetProperty("counterpart").GetString());

        var touchpointOnSecond = (await History(second)).GetProperty("items")[1];
        var correlation = items[1].GetProperty("correlationId").GetString();
        Assert.False(string.IsNullOrEmpty(correlation));
        Assert.Equal(correlation, touchpointOnSecond.GetProperty("correlationId").GetString());
        Assert.NotEqual(correlation, items[0].GetProperty("correlationId").GetString());
        Assert.True(items[1].GetProperty("sequence").GetInt64() > items[0].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task a_long_history_is_paged()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        for (var i = 0; i < 4; i++) await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201);
        var second = await History(project.Id, "?page=2&pageSize=2");
        Assert.Equal(5, second.GetProperty("total").GetInt64());
        Assert.Equal([3L, 4L], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("version").GetInt64()).ToArray());
    }

    [Theory]
    [InlineData("officer", 200)]
    [InlineData("auditor", 200)]
    [InlineData("admin", 200)]
    [InlineData("hotline", 403)]
    [InlineData("company", 404)]
    public async Task history_is_for_officers_auditors_and_admins(string role, int expected)
    {
        var id = await GivenProjects.Registered(Host);
        await As(role, s => { s.Get.Url($"/api/projects/{id}/history"); s.StatusCodeShouldBe(expected); }, company: role == "company" ? "Acme" : null);
    }

    [Fact]
    public async Task a_trouble_case_has_a_history_too_but_not_for_companies()
    {
        var api = new TroubleApi(Host);
        var id = await api.Reported(await api.AwardedProject());
        await api.Hotline(id, "triage", new { priority = "High" });
        var (status, history) = await api.Get("hotline", $"/api/troubles/{id}/history");
        Assert.Equal(200, status);
        Assert.Equal(["trouble_reported", "trouble_triaged"], history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("type").GetString()!).ToArray());
        Assert.Equal(404, (await api.Get("company", $"/api/troubles/{id}/history", "Acme Construction")).Status);
    }
}
