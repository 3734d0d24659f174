using Marten;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Projects.Status;
using ProjectCases.Reports.Targets;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Audit.Feed;

/// <summary>
/// The feed's `streamType`: what kind of record a stream is, in the contract's words rather than the C# type
/// Marten stores (mt_streams.type holds an alias of the stream's aggregate type, e.g. "project_status").
/// </summary>
public sealed class StreamTypes
{
    public const string Project = "project", Trouble = "trouble", FollowUp = "followUp", KpiTargets = "kpiTargets", CountryRisk = "countryRisk",
        Engagement = "engagement", OfficialOrders = "officialOrders";

    private static readonly (Type Aggregate, string Name)[] Known =
    [
        (typeof(ProjectStatus), Project), (typeof(TroubleCase), Trouble), (typeof(FollowUpTask), FollowUp), (typeof(KpiTargetOverrides), KpiTargets),
        (typeof(CountryRisks.CountryRisk), CountryRisk), (typeof(Engagements.Engagement), Engagement),
        (typeof(Reports.Orders.OfficialOrders), OfficialOrders),
    ];

    private readonly Dictionary<string, string> _byStoredAlias;

    public StreamTypes(IDocumentStore store) =>
        _byStoredAlias = Known.ToDictionary(known => ((Marten.Events.EventGraph)store.Options.Events).AggregateAliasFor(known.Aggregate), known => known.Name);

    /// <summary>The contract name of a stored alias; null for a stream started without a type (none is, today).</summary>
    public string? Of(string? storedAlias) => storedAlias is not null && _byStoredAlias.TryGetValue(storedAlias, out var name) ? name : null;
}
