using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
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
    public TestClock Clock { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable(DatabaseVariable) ?? await StartThrowAwayServer();
        Host = await StartHost(ConnectionString, Clock);
    }

    /// <summary>
    /// A host of the real application on <paramref name="connectionString"/>. The shared host runs with
    /// rate limiting off; tests that need other settings start their own on a database of their own.
    /// </summary>
    public static Task<IAlbaHost> StartHost(string connectionString, TimeProvider clock, params (string Key, string Value)[] settings) =>
        StartHost(connectionString, clock, _ => { }, settings);

    /// <summary>The same, with services of the test's own added (e.g. a Marten listener that stages a race).</summary>
    public static Task<IAlbaHost> StartHost(string connectionString, TimeProvider clock, Action<IServiceCollection> services,
        params (string Key, string Value)[] settings) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            builder.UseSetting("RateLimiting:PermitsPerSecond", "0");
            builder.UseSetting("SampleData:LoadOnEmptyDatabase", "false");
            // No mail from the shared host: the notification tests run a host of their own with an SMTP server.
            builder.UseSetting("Notifications:Enabled", "false");
            // Scenarios record facts on fixed business dates (2024, 2026): a ten-year follow-up horizon keeps
            // them "new" for years; the horizon itself is shown with facts older than that (FollowUpHorizonInAction).
            builder.UseSetting("FollowUps:HorizonDays", "3650");
            // Exports read their rows in batches of this many, so that a test's few rows span several batches.
            builder.UseSetting("Export:BatchSize", "3");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(s =>
            {
                s.AddSingleton(clock);
                // Wolverine on one node: no leader election for its agents. Marten's daemon keeps the
                // production HotCold mode (with Solo it recorded no progress under Wolverine's integration).
                s.RunWolverineInSoloMode();
            });
            builder.ConfigureServices(services);
        });

    /// <summary>
    /// A host of the real application in <paramref name="environment"/> with nothing turned off for tests (rate limits,
    /// sample data and docs at their defaults for that environment), for tests of those defaults.
    /// </summary>
    public static Task<IAlbaHost> StartHostIn(string environment, string connectionString,
        Action<IServiceCollection>? services = null, params (string Key, string Value)[] settings) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(collection =>
            {
                collection.RunWolverineInSoloMode();
                services?.Invoke(collection);
            });
        });

    /// <summary>A database of its own on the test server (created if missing), for a test that needs a host of its own.</summary>
    public async Task<string> CreateDatabase(string name)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        await using (var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new Npgsql.NpgsqlCommand($"select 1 from pg_database where datname = '{name}'", connection);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new Npgsql.NpgsqlCommand($"create database \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    /// <summary>A new, empty database of its own (dropped first if an earlier run left it behind).</summary>
    public async Task<string> CreateEmptyDatabase(string name)
    {
        await using (var connection = new Npgsql.NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        return await CreateDatabase(name);
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
