using ProjectCases.Api.Tests.Support;
using Marten;
using ProjectCases.Infrastructure.Http;
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

    private Task<IScenarioResult> Register(string key, int status, Action<Scenario>? more = null) => As("officer", s =>
    {
        s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
        s.WithRequestHeader("Idempotency-Key", key);
        s.StatusCodeShouldBe(status);
        more?.Invoke(s);
    });

    private async Task<int> Projects()
    {
        await using var session = Store.QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Query<ProjectStatus>());
    }

    /// <summary>Changes the stored record of <paramref name="key"/> as a crash at some point of the request would have left it.</summary>
    private async Task Rewrite(string key, Action<IdempotencyRecord> change)
    {
        await using var session = Store.LightweightSession();
        var record = (await Marten.QueryableExtensions.ToListAsync(session.Query<IdempotencyRecord>())).Single(r => r.Id.EndsWith($":{key}"));
        change(record);
        session.Store(record);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task a_key_left_in_progress_by_a_crash_before_the_commit_does_not_block_the_retry_which_writes_once()
    {
        // The earlier middleware claimed a key before running the request; a crash then left the claim for ever
        // (409 on every retry). The same request under another key gives the claim's request hash.
        await Register("probe", 201);
        await using (var session = Store.LightweightSession())
        {
            var probe = (await Marten.QueryableExtensions.ToListAsync(session.Query<IdempotencyRecord>())).Single();
            session.Insert(new IdempotencyRecord { Id = probe.Id.Replace(":probe", ":crash-before-commit"), RequestHash = probe.RequestHash, CreatedAt = Fixture.Clock.GetUtcNow() });
            await session.SaveChangesAsync();
        }
        var projectsBefore = await Projects();

        var retry = await Register("crash-before-commit", 201);
        Assert.Equal(projectsBefore + 1, await Projects());
        var again = await Register("crash-before-commit", 201, s => s.Header("Idempotent-Replayed").SingleValueShouldEqual("true"));
        Assert.Equal(retry.ReadAsText(), again.ReadAsText());
        Assert.Equal(projectsBefore + 1, await Projects());
    }

    [Fact]
    public async Task a_write_committed_just_before_a_crash_is_reported_as_carried_out_on_retry_and_not_repeated()
    {
        await Register("crash-after-commit", 201);
        // The events and the key's record were committed together; the service died before storing the response.
        await Rewrite("crash-after-commit", r => (r.Completed, r.Body, r.StatusCode) = (false, "", 0));

        var soon = await Register("crash-after-commit", 409);
        Assert.Contains("still being processed", ReadJson(soon).GetProperty("detail").GetString());
        Assert.True(int.Parse(soon.Context.Response.Headers.RetryAfter.ToString()) is > 0 and <= 10);

        Fixture.Clock.Advance(IdempotencyMiddleware.ResponseGrace + TimeSpan.FromSeconds(1));
        var later = ReadJson(await Register("crash-after-commit", 409));
        Assert.True(later.GetProperty("carriedOut").GetBoolean());
        Assert.Contains("was carried out", later.GetProperty("detail").GetString());
        var project = later.GetProperty("streams")[0].GetGuid();
        await using var session = Store.QuerySession();
        Assert.NotNull(await session.LoadAsync<ProjectStatus>(project));
        Assert.Equal(1, await Projects());
    }

    [Fact]
    public async Task concurrent_requests_with_the_same_key_write_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TokenFor("officer")}");
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.WithRequestHeader("Idempotency-Key", "impatient");
            s.IgnoreStatusCode();
        })));

        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();
        Assert.All(statuses, status => Assert.Contains(status, new[] { 201, 409 }));
        Assert.Contains(201, statuses);
        Assert.Equal(1, await Projects());
        var ids = results.Where(r => r.Context.Response.StatusCode == 201).Select(r => ReadJson(r).GetProperty("id").GetGuid()).Distinct();
        Assert.Single(ids);
    }
}
