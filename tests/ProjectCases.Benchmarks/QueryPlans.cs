using JasperFx;
using Marten;
using Marten.Linq;
using Marten.Linq.MatchesSql;
using Npgsql;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Search;
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

    /// <summary>
    /// The endpoint's two queries for <paramref name="term"/> run through Marten in this process, one after another,
    /// without HTTP, authentication, snippets or JSON output: how much of the endpoint's latency is the store's.
    /// </summary>
    public static async Task<Measurement> SearchQueriesAlone(string connectionString, string term, int samples)
    {
        using var store = SearchStore(connectionString);
        var kinds = new[] { SearchKind.Project, SearchKind.Touchpoint, SearchKind.Engagement };
        var grams = SearchText.Bigrams(SearchText.Normalise(term));
        return await Measurement.Sequential(samples, async _ =>
        {
            await using var session = store.QuerySession();
            var entries = session.Query<SearchEntry>().Where(x => kinds.Contains(x.Kind)).Where(x => x.MatchesSql("d.grams @> ?", (object)grams));
            var page = await entries.OrderBy(x => x.Title).ThenBy(x => x.Id).Take(50).ToListAsync();
            var counted = await entries.Select(x => x.Id).Take(SearchEndpoint.MaxCounted + 1).ToListAsync();
            return page.Count > 0 && counted.Count > 0;
        });
    }

    private static DocumentStore SearchStore(string connectionString) => DocumentStore.For(opts =>
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = MartenSetup.Schema;
        opts.AutoCreateSchemaObjects = AutoCreate.None;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonSetup.ApplyStoredEventRules);
        opts.ConfigureSearch();
    });

    /// <summary>
    /// EXPLAIN ANALYZE of an officer's search for a two-character term (one bigram, so no LIKE): the first page in
    /// title order and the matches counted up to 1,001, as SearchEndpoint builds them.
    /// </summary>
    public static async Task<string> SearchPage(string connectionString, string term)
    {
        using var store = SearchStore(connectionString);
        await using var session = store.QuerySession();
        var kinds = new[] { SearchKind.Project, SearchKind.Touchpoint, SearchKind.Engagement };
        var grams = SearchText.Bigrams(SearchText.Normalise(term));
        var entries = session.Query<SearchEntry>().Where(x => kinds.Contains(x.Kind)).Where(x => x.MatchesSql("d.grams @> ?", (object)grams));
        var page = entries.OrderBy(x => x.Title).ThenBy(x => x.Id).Take(50).ToCommand(FetchType.FetchMany);
        var count = entries.Select(x => x.Id).Take(SearchEndpoint.MaxCounted + 1).ToCommand(FetchType.FetchMany);
        return $"-- the page\n{await Explain(connectionString, page)}\n\n-- the count (up to {SearchEndpoint.MaxCounted + 1})\n{await Explain(connectionString, count)}";
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
