using ProjectCases.Projects;

namespace ProjectCases.Reports.Activity;

/// <summary>The counters of the KPI report: what happened, counted by business date. Shared by the year's totals and each project's year.</summary>
public class ActivityCounts
{
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

    /// <summary>Adds another set of counters to these (a sum over projects, or engagements added to a year).</summary>
    public void Add(ActivityCounts other)
    {
        foreach (var (kind, count) in other.Touchpoints) Touchpoints[kind] = Touchpoints.GetValueOrDefault(kind) + count;
        PoliticalAgreements += other.PoliticalAgreements;
        AdministrativeAgreements += other.AdministrativeAgreements;
        StudiesStarted += other.StudiesStarted;
        StudiesCompleted += other.StudiesCompleted;
        TendersOpened += other.TendersOpened;
        TendersWithJapaneseBidders.UnionWith(other.TendersWithJapaneseBidders);
        Awards += other.Awards;
        JapaneseWins += other.JapaneseWins;
        JapaneseWinsAmountJpy += other.JapaneseWinsAmountJpy;
        HotlineReceived += other.HotlineReceived;
        HotlineResolved += other.HotlineResolved;
    }
}

/// <summary>
/// What happened in one fiscal year (the document id), counted from the events by their business dates.
/// The KPI and orders reports read a handful of these instead of the event store.
/// </summary>
public sealed class FiscalYearActivity : ActivityCounts
{
    public int Id { get; set; }
}

/// <summary>
/// What happened in one project in one fiscal year (id "2024:&lt;project id&gt;"): the KPI report filtered by
/// ministry or sector sums the documents of the projects that match (their ministry and sector as they stand).
/// </summary>
public sealed class ProjectYearActivity : ActivityCounts
{
    public string Id { get; set; } = "";
    public int FiscalYear { get; set; }
    public Guid ProjectId { get; set; }

    public static string IdOf(int fiscalYear, Guid projectId) => $"{fiscalYear}:{projectId}";
}
