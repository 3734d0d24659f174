using System.Data.Common;
using Npgsql;

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
        if (string.IsNullOrWhiteSpace(configured))
        {
            var port = configuration.GetValue("LocalPostgres:Port", 55432);
            var dataDirectory = configuration["LocalPostgres:DataDirectory"] ?? DefaultDataDirectory(environment.ContentRootPath);
            LocalServer = PostgresServer.Create(dataDirectory, port);
        }
        ConnectionString = WithoutConnectionReset(WithStatementPreparation(LocalServer?.ConnectionString(DatabaseName) ?? configured!));
    }

    /// <summary>How many statements Npgsql prepares per connection when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 50;

    /// <summary>
    /// Lets Npgsql prepare the statements this service repeats (Marten's SQL is fully parameterised, so the
    /// text is stable), unless the connection string sets `Max Auto Prepare` itself. Beyond skipping parsing,
    /// it changes how a pooled connection is reset: with prepared statements Npgsql sends a lighter set of
    /// statements instead of `DISCARD ALL`. Measured: PostgreSQL CPU per touchpoint write 2.3 → 1.6–1.75 ms,
    /// writes 0.10–0.11 → 0.12–0.14 × the raw-insert ceiling; reads unchanged (docs/benchmarks/README.md).
    /// </summary>
    public static string WithStatementPreparation(string connectionString)
    {
        if (Sets(connectionString, "MaxAutoPrepare")) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare };
        // A prepared statement would switch to a generic plan after five runs; for Marten's range and ANY($n)
        // queries that plan is far worse (measured: projection rebuild 40k → 16k events/s, asOf p99 17 → 156 ms).
        // Custom plans keep planning per call with the actual values; parsing is still saved.
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        return builder.ConnectionString;
    }

    /// <summary>
    /// Returns connections to the pool without Npgsql's reset (seven statements — RESET ALL, DISCARD TEMP, UNLISTEN,
    /// pg_advisory_unlock_all, ... — run before the next command of every checkout, for a GET a seven-to-one ratio to the
    /// real work), unless the connection string sets `No Reset On Close` itself. Safe because nothing here leaves session
    /// state on a pooled connection: no session-level SET (plan_cache_mode is a start-up option), no temporary tables, no
    /// LISTEN, and the session advisory locks of leader election (Weasel's AdvisoryLock, Wolverine's node agents) are
    /// released explicitly before their connection closes. Measured in docs/benchmarks/README.md.
    /// </summary>
    public static string WithoutConnectionReset(string connectionString)
    {
        if (Sets(connectionString, "NoResetOnClose")) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }

    /// <summary>Whether the operator's connection string sets <paramref name="key"/> (in any spacing or case).</summary>
    private static bool Sets(string connectionString, string key) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(given => given.Replace(" ", "").Equals(key, StringComparison.OrdinalIgnoreCase));

    public string ConnectionString { get; }

    /// <summary>The server we run ourselves, or null when a connection string was configured.</summary>
    public PostgresServer? LocalServer { get; }

    /// <summary>
    /// `.data/postgres` at the repository root (git-ignored), or beside the app outside a checkout. When the
    /// server's `postgres` user cannot reach that folder (root running a checkout in a private home folder), a
    /// folder of this checkout's own under /var/tmp instead, which it can; the start-up log names the folder used.
    /// </summary>
    private static string DefaultDataDirectory(string contentRoot)
    {
        var root = SourceCheckout.RootAbove(contentRoot) ?? contentRoot;
        if (PostgresServer.ServerUserCanReach(root)) return Path.Combine(root, ".data", "postgres");
        var checkout = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..12];
        return Path.Combine("/var/tmp", $"projectcases-{checkout}", "postgres");
    }
}
