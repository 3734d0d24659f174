using JasperFx.Events;
using Marten.Events.Projections;
using ProjectCases.Projects;

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

/// <summary>Async multi-stream projection: each award goes to its project's document for the fiscal year of awardedOn.</summary>
public sealed class ProjectYearOrdersProjection : MultiStreamProjection<ProjectYearOrders, string>
{
    public ProjectYearOrdersProjection() =>
        Identity<ContractAwarded>(e => ProjectYearOrders.IdOf(Reports.FiscalYear.Of(e.AwardedOn), e.ProjectId));

    public override ProjectYearOrders? Evolve(ProjectYearOrders? snapshot, string id, IEvent e)
    {
        if (e.Data is not ContractAwarded award) return snapshot;
        var amount = Amounts.Summable(award); // before counting: a refused event leaves the document as it was
        var orders = snapshot ?? new ProjectYearOrders { Id = id, FiscalYear = Reports.FiscalYear.Of(award.AwardedOn), ProjectId = award.ProjectId };
        orders.Awards++;
        orders.AmountJpy += amount;
        if (!award.JapaneseWinner) return orders;
        orders.JapaneseWins++;
        orders.JapaneseWinsAmountJpy += amount;
        return orders;
    }
}
