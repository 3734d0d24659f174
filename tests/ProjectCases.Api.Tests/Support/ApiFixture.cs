using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProjectCases.Infrastructure.Postgres;
using Wolverine;

namespace ProjectCases.Api.Tests.Support;

/// <summary>
/// One application host for the whole API test run, on a throw-away PostgreSQL started from the
/// installed binaries on a free port (or the database named by PROJECTCASES_TEST_DATABASE), stopped
/// and deleted at the end. Tests reset the data, not the host.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string DatabaseVariable = "PROJECTCASES_TEST_DATABASE";

    private PostgresServer? _server;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The application's clock; tests move it to reach deadlines.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable(DatabaseVariable) ?? await StartThrowAwayServer();
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Marten", ConnectionString);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // One node: no leader election to wait for.
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });
    }

    private async Task<string> StartThrowAwayServer()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"projectcases-tests-{Guid.NewGuid():N}");
        _server = PostgresServer.Create(dataDirectory, PostgresServer.FreePort());
        await _server.StartAsync();
        return _server.ConnectionString("postgres");
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (_server is null) return;
        await _server.StopAsync();
        try { Directory.Delete(_server.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
