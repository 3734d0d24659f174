using System.Net;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>On a host of its own (own database), with limits of 1 request per second and a burst of 2 for every class of caller.</summary>
[Collection(ApiCollection.Name)]
public class RateLimiting(ApiFixture fixture) : IAsyncLifetime
{
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        var database = await fixture.CreateDatabase("ratelimit");
        _host = await ApiFixture.StartHost(database, TimeProvider.System,
            ("RateLimiting:PermitsPerSecond", "1"), ("RateLimiting:Burst", "2"),
            ("RateLimiting:Anonymous:PermitsPerSecond", "1"), ("RateLimiting:Anonymous:Burst", "2"),
            ("RateLimiting:Health:PermitsPerSecond", "1"), ("RateLimiting:Health:Burst", "2"));
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

    private async Task<List<int>> Statuses(string url, string address, string? token = null, int count = 10)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var result = await _host.Scenario(s =>
            {
                s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address));
                if (token is not null) s.WithRequestHeader("Authorization", $"Bearer {token}");
                s.Get.Url(url);
                s.IgnoreStatusCode();
            });
            statuses.Add(result.Context.Response.StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task requests_without_a_valid_token_are_limited_by_client_address()
    {
        // No token, then a forged one, from one address: they share its bucket.
        var anonymous = await Statuses("/api/projects", "203.0.113.7", count: 5);
        var forged = await Statuses("/api/projects", "203.0.113.7", token: "not.a.token", count: 5);
        Assert.Equal(401, anonymous[0]);
        Assert.Contains(429, anonymous.Concat(forged));
        Assert.All(anonymous.Concat(forged), status => Assert.Contains(status, new[] { 401, 429 }));

        // Another address, and a signed-in user at the same address, are not held back by that bucket.
        Assert.Equal(401, (await Statuses("/api/projects", "203.0.113.8", count: 1))[0]);
        Assert.Equal(200, (await Statuses("/api/projects", "203.0.113.7", token: ApiTest.TokenFor("officer", name: "signed.in"), count: 1))[0]);
    }

    [Fact]
    public async Task health_checks_are_limited_by_client_address()
    {
        var probed = await Statuses("/health/live", "198.51.100.1");
        Assert.Equal(200, probed[0]);
        Assert.Contains(429, probed);
        Assert.Equal(200, (await Statuses("/health/live", "198.51.100.2", count: 1))[0]);
    }
}
