using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Projects.Status;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>Issue 22 items 13 and 14: what a service started outside Development does by default, on a database of its own.</summary>
[Collection(ApiCollection.Name)]
public class ProductionDefaults(ApiFixture fixture)
{
    private const string Issuer = "https://login.example.invalid/projectcases";

    private static Task<IAlbaHost> Production(string database, CapturedLog? log = null, params (string, string)[] settings) =>
        ApiFixture.StartHostIn("Production", database, services => { if (log is not null) services.AddSingleton<ILoggerProvider>(log); },
            [("Auth:Authority", Issuer), .. settings]);

    [Fact]
    public async Task on_an_empty_database_nothing_is_loaded_and_the_log_says_so()
    {
        var log = new CapturedLog();
        await using var host = await Production(await fixture.CreateEmptyDatabase("production_empty"), log);

        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.False(await session.Query<ProjectStatus>().AnyAsync());
        Assert.Contains(log.Lines, line => line.Contains("Sample data: not loaded (off by default in the Production environment"));
    }

    [Fact]
    public async Task development_tokens_get_401_and_the_api_reference_is_not_published()
    {
        await using var host = await Production(await fixture.CreateDatabase("production_defaults"));
        await host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {ApiTest.TokenFor("officer")}");
            s.Get.Url("/api/projects");
            s.StatusCodeShouldBe(401);
        });
        await host.Scenario(s => { s.Get.Url("/openapi/v1.json"); s.StatusCodeShouldBe(404); });
        await host.Scenario(s => { s.Get.Url("/docs/"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task sample_data_and_the_api_reference_are_there_when_asked_for()
    {
        var log = new CapturedLog();
        var database = await fixture.CreateEmptyDatabase("production_optin");
        await using var host = await Production(database, log, ("SampleData:LoadOnEmptyDatabase", "true"), ("OpenApi:Enabled", "true"));
        await host.Scenario(s => { s.Get.Url("/openapi/v1.json"); s.StatusCodeShouldBeOk(); });
        await host.Scenario(s => { s.Get.Url("/docs/"); s.StatusCodeShouldBeOk(); });
        // Loading runs in the background after start: wait for its line rather than for a time.
        for (var attempt = 0; attempt < 600 && !log.Lines.Any(line => line.StartsWith("Sample data:")); attempt++) await Task.Delay(100);
        Assert.Contains(log.Lines, line => line.Contains("Sample data: the database had no projects, loaded 57 sample projects"));
    }

    [Fact]
    public async Task without_an_issuer_or_with_a_plain_http_one_the_service_refuses_to_start()
    {
        var database = await fixture.CreateDatabase("production_defaults");
        var noIssuer = await Assert.ThrowsAnyAsync<Exception>(() => ApiFixture.StartHostIn("Production", database));
        Assert.Contains("No token issuer configured", noIssuer.ToString());
        var plainHttp = await Assert.ThrowsAnyAsync<Exception>(() =>
            ApiFixture.StartHostIn("Production", database, null, ("Auth:Authority", "http://login.example.invalid")));
        Assert.Contains("HTTPS", plainHttp.ToString());
    }
}

/// <summary>Every log line of a host, to assert what the service told its operator.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
