using ProjectCases.Projects;

namespace ProjectCases.Reports.Activity;

/// <summary>
/// What happened in one fiscal year (the document id), counted from the events by their business dates.
/// The KPI and orders reports read a handful of these instead of the event store.
/// </summary>
public sealed class FiscalYearActivity
{
    public int Id { get; set; }

    public Dictionary<TouchpointKind, int> Touchpoints { get; set; } = [];
    public int PoliticalAgreements { get; set; }
    public int AdministrativeAgreements { get; set; }
    public int StudiesStarted { get; set; }
    public int StudiesCompleted { get; set; }
    public int TendersOpened { get; set; }
    /// <summary>Ids, so that a tender with several bid records, or bids and then a Japanese award, counts once in the year.</summary>
    public HashSet<Guid> TendersWithJapaneseBidders { get; set; } = [];
    /// <summary>Undisclosed awards count here but add nothing to the sums.</summary>
    public int Awards { get; set; }
    public int JapaneseWins { get; set; }
    public decimal JapaneseWinsAmountJpy { get; set; }
    public int HotlineReceived { get; set; }
    public int HotlineResolved { get; set; }

    public int TouchpointsOf(params TouchpointKind[] kinds) => kinds.Sum(kind => Touchpoints.GetValueOrDefault(kind));
}
