using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>One paging rule on every list: page ≥ 1, 1 ≤ pageSize ≤ 200, page × pageSize ≤ 10,000,000; else 400 naming the parameter.</summary>
public class Paging(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Every paged list, with a role allowed to read it (ids filled in by <see cref="ListRoutes"/>).</summary>
    private async Task<(string Route, string Role)[]> ListRoutes()
    {
        var troubles = new TroubleApi(Host);
        var project = await troubles.AwardedProject();
        var trouble = await troubles.Reported(project);
        var task = ReadJson(await As("officer", s =>
        {
            s.Post.Json(new { title = "Call the embassy", dueOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") }).ToUrl("/api/follow-ups");
            s.StatusCodeShouldBe(201);
        })).GetProperty("id").GetGuid();
        return
        [
            ("/api/projects", "officer"), ("/api/troubles", "hotline"), ("/api/hotline/queue", "hotline"), ("/api/follow-ups", "officer"),
            ($"/api/follow-ups/{task}/history", "officer"), ($"/api/projects/{project}/history", "auditor"),
            ($"/api/troubles/{trouble}/history", "auditor"),
        ];
    }

    private async Task<System.Text.Json.JsonElement> Get(string url, string role, int expected) =>
        ReadJson(await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBe(expected); }, company: role == "company" ? "Acme Construction" : null));

    [Fact]
    public async Task a_page_whose_offset_would_overflow_is_a_400_naming_page_on_every_list()
    {
        foreach (var (route, role) in await ListRoutes())
        {
            var problem = await Get($"{route}?page=2147483647&pageSize=200", role, 400);
            var errors = problem.GetProperty("errors");
            Assert.Equal(["page"], errors.EnumerateObject().Select(e => e.Name).ToArray());
            Assert.Contains("from 1 to 50000", errors.GetProperty("page")[0].GetString());
        }
    }

    [Fact]
    public async Task a_negative_page_and_a_huge_page_size_are_both_named_on_every_list()
    {
        foreach (var (route, role) in await ListRoutes())
        {
            var errors = (await Get($"{route}?page=-1&pageSize=100000", role, 400)).GetProperty("errors");
            Assert.Equal(["page", "pageSize"], errors.EnumerateObject().Select(e => e.Name).Order().ToArray());
        }
    }

    [Fact]
    public async Task the_deepest_page_allowed_answers_an_empty_page_on_every_list()
    {
        foreach (var (route, role) in await ListRoutes())
        {
            var page = await Get($"{route}?page=50000&pageSize=200", role, 200);
            Assert.Equal(0, page.GetProperty("items").GetArrayLength());
            Assert.Equal(50000, page.GetProperty("page").GetInt32());
            Assert.True(page.GetProperty("total").GetInt64() >= 0);
        }
    }

    [Fact]
    public async Task company_users_follow_the_same_rule()
    {
        await Get("/api/troubles?page=0", "company", 400);
        await Get("/api/projects?page=2147483647&pageSize=200", "company", 400);
    }
}
