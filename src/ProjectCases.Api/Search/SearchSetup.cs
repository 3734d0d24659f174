using JasperFx.Events.Projections;
using Marten;
using ProjectCases.Infrastructure.Marten;
using Weasel.Postgresql.Tables;

namespace ProjectCases.Search;

public static class SearchSetup
{
    /// <summary>
    /// The search index: one document per searchable thing, kept by the async daemon just after each commit (off the
    /// request path: inline it cost every touchpoint a load and two writes of entries, about a fifth of its throughput;
    /// docs/benchmarks/README.md, "Third round on issue 15"). Its bigrams are duplicated into text[]
    /// columns with GIN indexes, so that `@>` finds candidates without a scan; the normalised texts stay in the
    /// JSON, read only to confirm a candidate with LIKE (a B-tree on long summaries would be useless and too wide).
    /// </summary>
    public static void ConfigureSearch(this StoreOptions opts)
    {
        opts.Projections.Add<SearchIndexProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<SearchEntry>()
            .Duplicate(x => x.Kind)
            .Duplicate(x => x.Company)
            // The order of the hits: an index to walk (docs/search.md, "Latency").
            .Duplicate(x => x.Title)
            .Duplicate(x => x.Grams, pgType: "text[]", configure: Gin)
            .Duplicate(x => x.CompanyGrams, pgType: "text[]", configure: Gin)
            .LeaveRoomForUpdates();
    }

    private static void Gin(Marten.Schema.DocumentIndex index) => index.Method = IndexMethod.gin;
}
