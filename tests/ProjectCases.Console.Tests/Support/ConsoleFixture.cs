using System.Net;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProjectCases.Infrastructure.Postgres;
using Wolverine;

namespace ProjectCases.Console.Tests.Support;

/// <summary>
/// One application and one browser for the whole run: the real application on Kestrel on a free loopback port,
/// against a throw-away PostgreSQL (or PROJECTCASES_TEST_DATABASE), and Debian's chromium driven by Playwright.
/// The browser is never downloaded (`playwright install` is not used): CHROMIUM_PATH, else /usr/bin/chromium.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private PostgresServer? _database;
    private WebApplicationFactory<Program>? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The application's clock; set to now before each test, moved forward to reach a deadline.</summary>
    public TestClock Clock { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    public IHost Host => Services.GetRequiredService<IHost>();

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("PROJECTCASES_TEST_DATABASE") ?? await StartDatabase();
        // Program.cs ends in RunJasperFxCommands(args), which would read the test's settings as command-line verbs.
        JasperFxEnvironment.AutoStartHost = true;
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            builder.UseSetting("RateLimiting:PermitsPerSecond", "0");
            builder.UseSetting("SampleData:LoadOnEmptyDatabase", "false");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.RunWolverineInSoloMode();
            });
        });
        var port = PostgresServer.FreePort();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _app.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox"],
            Headless = true,
        });
    }

    private async Task<string> StartDatabase()
    {
        _database = PostgresServer.Create(Path.Combine(Path.GetTempPath(), $"projectcases-console-tests-{Guid.NewGuid():N}"), PostgresServer.FreePort());
        await _database.StartAsync();
        return _database.ConnectionString("postgres");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_database is null) return;
        await _database.StopAsync();
        try { Directory.Delete(_database.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
