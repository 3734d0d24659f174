using Npgsql;

namespace ProjectCases.Infrastructure.Postgres;

/// <summary>
/// A small second connection pool for the hottest read, one row by its key (GET /api/projects/{id}), whose connections
/// let PostgreSQL reuse one generic plan per prepared statement. The main pool forces a plan per call
/// (<see cref="DatabaseConnection.WithStatementPreparation"/>: generic plans made Marten's range and ANY queries far slower),
/// so there a keyed read over four tables was planned on every call, and planning was most of what PostgreSQL did for
/// it: measured (with the asynchronous search index, interleaved with the code before issue 15), GET project at 16
/// clients 1,551–1,893 → 3,998–4,367 req/s, PostgreSQL and the rest 0.55–0.75 → 0.18–0.21 ms per read
/// (docs/benchmarks/README.md, "Third round on issue 15"). Only statements whose best plan cannot depend on the value
/// belong here: equality on a key.
/// </summary>
public sealed class KeyedReads(DatabaseConnection database) : IAsyncDisposable
{
    /// <summary>At most this many connections (fewer when the main pool is smaller): on two cores more would only queue in PostgreSQL.</summary>
    public const int MaxPoolSize = 20;

    private readonly Lazy<NpgsqlDataSource> _source = new(() => NpgsqlDataSource.Create(ConnectionString(database.ConnectionString)));

    public static string ConnectionString(string serviceConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(serviceConnectionString);
        // Later options win: this overrides the main pool's force_custom_plan for these connections only.
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_generic_plan".Trim();
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, MaxPoolSize);
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        builder.ApplicationName = string.IsNullOrEmpty(builder.ApplicationName) ? "projectcases keyed reads" : $"{builder.ApplicationName} (keyed reads)";
        return builder.ConnectionString;
    }

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct) => _source.Value.OpenConnectionAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_source.IsValueCreated) await _source.Value.DisposeAsync();
    }
}
