namespace ProjectCases.Infrastructure.Postgres;

/// <summary>
/// Marten's and Wolverine's own command-line verbs (`projections rebuild`, `marten`, `storage`, `db-apply`, ...)
/// build the host without starting it, so LocalPostgresLifetime never runs for them. This starts the
/// project-local database around such a command, as `dotnet run` would, and stops it afterwards.
/// </summary>
public sealed class LocalPostgresForCommands : IAsyncDisposable
{
    private static readonly string[] DatabaseCommands =
        ["projections", "marten", "storage", "resources", "stream-query", "projection-run", "db-apply", "db-assert", "db-patch", "db-dump"];

    private readonly PostgresServer? _server;

    private LocalPostgresForCommands(PostgresServer? server) => _server = server;

    public static async Task<LocalPostgresForCommands> StartIfNeededAsync(IServiceProvider services, string[] args)
    {
        var command = args.FirstOrDefault()?.ToLowerInvariant();
        var server = services.GetRequiredService<DatabaseConnection>().LocalServer;
        if (server is null || command is null || !DatabaseCommands.Contains(command)) return new LocalPostgresForCommands(null);

        await server.StartAsync();
        await server.EnsureDatabaseAsync(DatabaseConnection.DatabaseName);
        return new LocalPostgresForCommands(server);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.StopAsync();
    }
}
