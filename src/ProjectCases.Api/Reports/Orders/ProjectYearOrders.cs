using JasperFx.Events;
using Marten.Events.Projections;
using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;

namespace ProjectCases.Reports.Orders;

/// <summary>
/// Awards of one project in one fiscal year (id "2024:&lt;project id&gt;"). Small documents, one per project
/// and year with awards, so neither a write nor a rebuild rewrites a whole year's orders.
/// </summary>
public sealed class ProjectYearOrders
{
    public string Id { get; set; } = "";
    public int FiscalYear { get; set; }
    public Guid ProjectId { get; set; }
    public int Awards { get; set; }
    public int JapaneseWins { get; set; }
    /// <summary>Disclosed amounts only; undisclosed awards count in Awards but add nothing here.</summary>
    public decimal AmountJpy { get; set; }
    public decimal JapaneseWinsAmountJpy { get; set; }

    public static string IdOf(int fiscalYear, Guid projectId) => $"{fiscalYear}:{projectId}";
}

/// <summary>
/// Async multi-stream projection: each award goes to its project's document for the fiscal year of awardedOn;
/// a voided award (or every award of a voided project) is taken out again, a corrected one moves to its corrected values.
/// </summary>
public sealed class ProjectYearOrdersProjection : MultiStreamProjection<ProjectYearOrders, string>
{
    public ProjectYearOrdersProjection()
    {
        Identity<ContractAwarded>(IdOf);
        Identities<FactVoided>(e => IdsOf(e.Original));
        Identities<FactCorrected>(e => [.. IdsOf(e.Original).Union(IdsOf(e.Corrected))]);
        Identities<ProjectVoided>(e => [.. e.Withdrawn.SelectMany(IdsOf).Distinct()]);
    }

    private static string IdOf(ContractAwarded e) => ProjectYearOrders.IdOf(Reports.FiscalYear.Of(e.AwardedOn), e.ProjectId);

    private static IReadOnlyList<string> IdsOf(ProjectFact fact) => fact.ContractAwarded is { } award ? [IdOf(award)] : [];

    public override ProjectYearOrders? Evolve(ProjectYearOrders? snapshot, string id, IEvent e)
    {
        switch (e.Data)
        {
            case ContractAwarded award: return Count(award, snapshot, id, +1);
            case FactVoided x: return CountIfHere(x.Original, snapshot, id, -1);
            case FactCorrected x: return CountIfHere(x.Corrected, CountIfHere(x.Original, snapshot, id, -1), id, +1);
            case ProjectVoided x: return x.Withdrawn.Aggregate(snapshot, (orders, fact) => CountIfHere(fact, orders, id, -1));
            default: return snapshot;
        }
    }

    private static ProjectYearOrders? CountIfHere(ProjectFact fact, ProjectYearOrders? snapshot, string id, int sign) =>
        fact.ContractAwarded is { } award && IdOf(award) == id ? Count(award, snapshot, id, sign) : snapshot;

    /// <summary>Counts an award in (+1) or out again (-1).</summary>
    private static ProjectYearOrders Count(ContractAwarded award, ProjectYearOrders? snapshot, string id, int sign)
    {
        var amount = Amounts.Summable(award); // before counting: a refused event leaves the document as it was
        var orders = snapshot ?? new ProjectYearOrders { Id = id, FiscalYear = Reports.FiscalYear.Of(award.AwardedOn), ProjectId = award.ProjectId };
        orders.Awards += sign;
        orders.AmountJpy += sign * amount;
        if (!award.JapaneseWinner) return orders;
        orders.JapaneseWins += sign;
        orders.JapaneseWinsAmountJpy += sign * amount;
        return orders;
    }
}
