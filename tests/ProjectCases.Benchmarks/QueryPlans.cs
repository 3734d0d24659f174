using JasperFx;
using Marten;
using Marten.Linq;
using Npgsql;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;
using Weasel.Core;

namespace ProjectCases.Benchmarks;

/// <summary>The plan PostgreSQL actually runs for a read path, as evidence next to its latency.</summary>
public static class QueryPlans
{
    /// <summary>EXPLAIN ANALYZE of the hotline queue's first page and of its total, with the SQL Marten generates for the endpoint's LINQ.</summary>
    public static async Task<string> HotlineQueuePage(string connectionString)
    {
        using var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = MartenSetup.Schema;
            opts.AutoCreateSchemaObjects = AutoCreate.None;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonSetup.ApplyStoredEventRules);
            opts.ConfigureTroubles();
        });
        await using var session = store.QuerySession();
        var open = session.Query<TroubleCase>().Where(c => c.Status == TroubleStatus.Open);
        var page = open.OrderBy(c => c.PriorityRank).ThenBy(c => c.NextDueAt).ThenBy(c => c.Id).Take(50).ToCommand(FetchType.FetchMany);
        var count = open.ToCommand(FetchType.Count);
        return $"-- the page\n{await Explain(connectionString, page)}\n\n-- the total\n{await Explain(connectionString, count)}";
    }

    private static async Task<string> Explain(string connectionString, NpgsqlCommand command)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        command.Connection = connection;
        command.CommandText = "explain (analyze, buffers, costs off) " + command.CommandText;
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
