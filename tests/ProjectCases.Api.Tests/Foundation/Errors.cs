using System.Text;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>Bad input always gets a problem document that says what was wrong, and changes nothing.</summary>
public class Errors(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task invalid_fields_are_listed_one_by_one_under_errors()
    {
        var result = await As("officer", s =>
        {
            s.Post.Json(new { name = "", country = "XX", financing = "YenLoan" }).ToUrl("/api/projects");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = ReadJson(result);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["country", "name", "sector"], errors.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Contains("ISO 3166-1", errors.GetProperty("country")[0].GetString());
        Assert.Contains("country", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await ProjectCount());
    }

    [Fact]
    public async Task an_unknown_enum_value_is_refused_with_the_allowed_values()
    {
        var result = await As("officer", s =>
        {
            s.Post.Json(new { name = "Port", country = "VN", sector = "Spaceport", financing = "YenLoan" }).ToUrl("/api/projects");
            s.StatusCodeShouldBe(400);
        });
        var detail = ReadJson(result).GetProperty("detail").GetString()!;
        Assert.Contains("'Spaceport' is not an allowed value", detail);
        Assert.Contains("Rail, Road, Bridge", detail);
    }

    [Fact]
    public async Task an_unknown_member_is_refused_by_name()
    {
        var result = await As("officer", s =>
        {
            s.Post.Json(new { name = "Port", country = "VN", sector = "Port", financing = "YenLoan", budget = 5 }).ToUrl("/api/projects");
            s.StatusCodeShouldBe(400);
        });
        var problem = ReadJson(result);
        Assert.Contains("budget: is not a known field", problem.GetProperty("detail").GetString());
        Assert.Contains("sector", problem.GetProperty("errors").GetProperty("budget")[0].GetString()); // lists the known fields
        Assert.Equal(0, await ProjectCount());
    }

    [Fact]
    public async Task malformed_json_is_a_400()
    {
        await As("officer", s =>
        {
            s.Post.Text("{\"name\": ").ToUrl("/api/projects");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_a_415()
    {
        var result = await As("officer", s =>
        {
            s.Post.Text("name=Port").ToUrl("/api/projects");
            s.StatusCodeShouldBe(415);
        });
        Assert.Contains("Content-Type: application/json", ReadJson(result).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task a_body_over_one_mebibyte_is_a_413_and_changes_nothing()
    {
        var huge = new { name = "Port", country = "VN", sector = "Port", financing = "YenLoan", summary = new string('x', 1_100_000) };
        var result = await As("officer", s =>
        {
            s.Post.Json(huge).ToUrl("/api/projects");
            s.StatusCodeShouldBe(413);
        });
        Assert.Contains("1 MiB", ReadJson(result).GetProperty("detail").GetString());
        Assert.Equal(0, await ProjectCount());
    }

    [Fact]
    public async Task an_unknown_project_is_a_404_problem()
    {
        var result = await As("officer", s =>
        {
            s.Get.Url($"/api/projects/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        Assert.Contains("No project", ReadJson(result).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task a_stale_if_match_is_a_412_and_appends_nothing()
    {
        var id = await GivenProjects.Registered(Host);
        await As("officer", s =>
        {
            s.Post.Json(new { status = "UnderStudy", reason = "F/S under way", effectiveOn = "2024-04-01" }).ToUrl($"/api/projects/{id}/status");
            s.WithRequestHeader("If-Match", "\"1\"");
            s.StatusCodeShouldBe(200);
            s.Header("ETag").ShouldHaveValues("\"2\"");
        });

        var result = await As("officer", s =>
        {
            s.Post.Json(new { status = "Suspended", reason = "Default", effectiveOn = "2024-05-01" }).ToUrl($"/api/projects/{id}/status");
            s.WithRequestHeader("If-Match", "\"1\"");
            s.StatusCodeShouldBe(412);
        });
        Assert.Contains("version 2", ReadJson(result).GetProperty("detail").GetString());
        Assert.Equal(2, await StreamVersion(id));
    }

    [Fact]
    public async Task an_unreadable_if_match_is_a_400()
    {
        var id = await GivenProjects.Registered(Host);
        await As("officer", s =>
        {
            s.Post.Json(new { status = "UnderStudy", reason = "x", effectiveOn = "2024-04-01" }).ToUrl($"/api/projects/{id}/status");
            s.WithRequestHeader("If-Match", "yesterday");
            s.StatusCodeShouldBe(400);
        });
        Assert.Equal(1, await StreamVersion(id));
    }

    private async Task<int> ProjectCount()
    {
        await using var session = Store.QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Query<ProjectCases.Projects.Status.ProjectStatus>());
    }
}
