using ProjectCases.Api.Tests.Support;
using ProjectCases.Projects.Status;

namespace ProjectCases.Api.Tests.Foundation;

public class Idempotency(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_repeated_request_with_the_same_key_returns_the_first_response_and_appends_nothing()
    {
        var first = await As("officer", s =>
        {
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.WithRequestHeader("Idempotency-Key", "register-hsr-1");
            s.StatusCodeShouldBe(201);
        });
        var repeat = await As("officer", s =>
        {
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.WithRequestHeader("Idempotency-Key", "register-hsr-1");
            s.StatusCodeShouldBe(201);
            s.Header("Idempotent-Replayed").SingleValueShouldEqual("true");
        });

        Assert.Equal(first.ReadAsText(), repeat.ReadAsText());
        Assert.Equal(first.Context.Response.Headers.Location.ToString(), repeat.Context.Response.Headers.Location.ToString());
        await using var session = Store.QuerySession();
        Assert.Equal(1, await Marten.QueryableExtensions.CountAsync(session.Query<ProjectStatus>()));
    }

    [Fact]
    public async Task the_same_key_with_a_different_body_is_refused_with_422()
    {
        await As("officer", s =>
        {
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.WithRequestHeader("Idempotency-Key", "k-2");
            s.StatusCodeShouldBe(201);
        });
        var result = await As("officer", s =>
        {
            s.Post.Json(GivenProjects.RailProject("Another line")).ToUrl("/api/projects");
            s.WithRequestHeader("Idempotency-Key", "k-2");
            s.StatusCodeShouldBe(422);
        });
        Assert.Contains("already used with a different request", ReadJson(result).GetProperty("detail").GetString());
        await using var session = Store.QuerySession();
        Assert.Equal(1, await Marten.QueryableExtensions.CountAsync(session.Query<ProjectStatus>()));
    }

    [Fact]
    public async Task keys_belong_to_the_user_who_sent_them()
    {
        await As("officer", s =>
        {
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.WithRequestHeader("Idempotency-Key", "shared-key");
            s.StatusCodeShouldBe(201);
        }, name: "tanaka");
        await As("officer", s =>
        {
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.WithRequestHeader("Idempotency-Key", "shared-key");
            s.StatusCodeShouldBe(201);
            s.Header("Idempotent-Replayed").ShouldNotBeWritten();
        }, name: "suzuki");
    }
}
