namespace ProjectCases.Infrastructure.Postgres;

/// <summary>
/// Starts the project-local PostgreSQL before any other hosted service (Marten's schema migration,
/// Wolverine's durability agent, the async daemon) touches the database, and stops it last.
/// Does nothing when a connection string is configured.
/// </summary>
public sealed class LocalPostgresLifetime(DatabaseConnection database, ILogger<LocalPostgresLifetime> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (database.LocalServer is not { } server) return;
        logger.LogInformation("No ConnectionStrings:Marten configured: starting a local PostgreSQL on port {Port} with data in {DataDirectory}",
            server.Port, server.DataDirectory);
        await server.StartAsync(cancellationToken);
        await server.EnsureDatabaseAsync(DatabaseConnection.DatabaseName, cancellationToken);
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (database.LocalServer is not { StartedByUs: true } server) return;
        logger.LogInformation("Stopping the local PostgreSQL");
        await server.StopAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
