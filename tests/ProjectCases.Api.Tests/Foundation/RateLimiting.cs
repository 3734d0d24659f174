using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>On a host of its own (own database), with a limit of 1 request per second and a burst of 2.</summary>
[Collection(ApiCollection.Name)]
public class RateLimiting(ApiFixture fixture) : IAsyncLifetime
{
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        var database = await fixture.CreateDatabase("ratelimit");
        _host = await ApiFixture.StartHost(database, TimeProvider.System,
            ("RateLimiting:PermitsPerSecond", "1"), ("RateLimiting:Burst", "2"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task a_user_over_the_limit_gets_429_with_retry_after_while_others_go_on()
    {
        var token = ApiTest.TokenFor("officer", name: "busy.officer");
        // Ten quick requests against a bucket of two refilled once a second: some must be refused.
        var statuses = new List<int>();
        IScenarioResult? limited = null;
        for (var i = 0; i < 10; i++)
        {
            var result = await _host.Scenario(s =>
            {
                s.WithRequestHeader("Authorization", $"Bearer {token}");
                s.Get.Url("/api/projects");
                s.IgnoreStatusCode();
            });
            statuses.Add(result.Context.Response.StatusCode);
            if (result.Context.Response.StatusCode == 429) limited ??= result;
        }
        Assert.Equal(200, statuses[0]);
        Assert.All(statuses, status => Assert.Contains(status, new[] { 200, 429 }));
        Assert.NotNull(limited);
        Assert.Equal("application/problem+json", limited!.Context.Response.ContentType);
        Assert.True(int.Parse(limited.Context.Response.Headers.RetryAfter.ToString()) >= 1);
        Assert.Contains("Too many requests", limited.ReadAsText());

        var other = ApiTest.TokenFor("officer", name: "calm.officer");
        await _host.Scenario(s => { s.WithRequestHeader("Authorization", $"Bearer {other}"); s.Get.Url("/api/projects"); s.StatusCodeShouldBeOk(); });
        await _host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); });
    }
}
