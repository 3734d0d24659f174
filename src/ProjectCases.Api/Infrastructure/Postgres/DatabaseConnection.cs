namespace ProjectCases.Infrastructure.Postgres;

/// <summary>
/// Where the database is: the configured `ConnectionStrings:Marten`, or else a project-local
/// PostgreSQL that this process starts from the installed server binaries (see LocalPostgresLifetime).
/// </summary>
public sealed class DatabaseConnection
{
    public const string DatabaseName = "projectcases";

    public DatabaseConnection(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        var port = configuration.GetValue("LocalPostgres:Port", 55432);
        var dataDirectory = configuration["LocalPostgres:DataDirectory"] ?? DefaultDataDirectory(environment.ContentRootPath);
        LocalServer = PostgresServer.Create(dataDirectory, port);
        ConnectionString = LocalServer.ConnectionString(DatabaseName);
    }

    public string ConnectionString { get; }

    /// <summary>The server we run ourselves, or null when a connection string was configured.</summary>
    public PostgresServer? LocalServer { get; }

    /// <summary>`.data/postgres` at the repository root (git-ignored), or beside the app outside a checkout.</summary>
    private static string DefaultDataDirectory(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProjectCases.sln")))
                return Path.Combine(dir.FullName, ".data", "postgres");
        }
        return Path.Combine(contentRoot, ".data", "postgres");
    }
}
