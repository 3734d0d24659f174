using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace ProjectCases.Benchmarks;

/// <summary>
/// What PostgreSQL executed during one phase, per request: statements (pg_stat_statements, counted
/// by the server, so background work of the service — async daemon, subscriptions, Wolverine's
/// durability agent — is included and shown as its own lines; BEGIN and COMMIT are statements too).
/// Marten sends a session's writes as one batch, so statements are not round trips one to one.
/// </summary>
public static partial class StatementCounts
{
    /// <summary>The server setting that loads the statistics module; the benchmark's PostgreSQL starts with it.</summary>
    public const string ServerSetting = "shared_preload_libraries=pg_stat_statements";

    public static async Task InstallAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await dataSource.CreateCommand("create extension if not exists pg_stat_statements").ExecuteNonQueryAsync();
    }

    public static async Task ResetAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await dataSource.CreateCommand("select pg_stat_statements_reset()").ExecuteNonQueryAsync();
    }

    /// <summary>A markdown section: statements per request, then the most frequent statements.</summary>
    public static async Task<string> ReportAsync(string database, string phase, int requests, string cpu)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        var rows = new List<(long Calls, double Ms, string Query)>();
        await using (var command = dataSource.CreateCommand("""
            select calls, total_exec_time, query from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
              and query not like '%pg_stat_statements%'
            order by calls desc
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetString(2)));
        }

        var perRequest = (double)rows.Sum(r => r.Calls) / requests;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"**{phase}**: {requests:N0} requests, {perRequest:0.0} statements per request (all of PostgreSQL's work in the phase, background included), {rows.Sum(r => r.Ms) / requests:0.00} ms of PostgreSQL execution time per request. {cpu}\n\n");
        text.AppendLine("| per request | ms per call | statement |");
        text.AppendLine("| ---: | ---: | --- |");
        foreach (var (calls, ms, query) in rows.Take(24))
            text.AppendLine(CultureInfo.InvariantCulture, $"| {(double)calls / requests:0.00} | {ms / calls:0.000} | `{Shorten(query)}` |");
        Console.WriteLine($"  {phase}: {perRequest:0.0} statements per request. {cpu}");
        return text.ToString();
    }

    private static string Shorten(string query)
    {
        var flat = Whitespace().Replace(query, " ").Trim().Replace("|", "\\|").Replace("`", "'");
        return flat.Length <= 110 ? flat : flat[..107] + "...";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
