using JasperFx.Events;
using Marten.Events.Projections;
using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;

namespace ProjectCases.Reports.Orders;

/// <summary>
/// Awards of one project in one year (id "2024:&lt;project id&gt;"). Small documents, one per project and year
/// with awards, so neither a write nor a rebuild rewrites a whole year's orders.
/// </summary>
public abstract class YearOrders
{
    public string Id { get; set; } = "";
    public Guid ProjectId { get; set; }
    public int Awards { get; set; }
    public int JapaneseWins { get; set; }
    /// <summary>Disclosed amounts only; undisclosed awards count in Awards but add nothing here.</summary>
    public decimal AmountJpy { get; set; }
    public decimal JapaneseWinsAmountJpy { get; set; }

    /// <summary>The fiscal or calendar year, whichever the document type counts by.</summary>
    public abstract int YearOfOrders();

    public static string IdOf(int year, Guid projectId) => $"{year}:{projectId}";
}

/// <summary>By Japanese fiscal year (April to March), as the ministries' sheets count.</summary>
public sealed class ProjectYearOrders : YearOrders
{
    public int FiscalYear { get; set; }
    public override int YearOfOrders() => FiscalYear;
}

/// <summary>By calendar year, as the infrastructure strategy's national statistics count (seed 004).</summary>
public sealed class ProjectCalendarYearOrders : YearOrders
{
    public int CalendarYear { get; set; }
    public override int YearOfOrders() => CalendarYear;
}

public sealed class ProjectYearOrdersProjection() : YearOrdersProjection<ProjectYearOrders>(Reports.FiscalYear.Of)
{
    protected override ProjectYearOrders New(string id, int year, Guid projectId) => new() { Id = id, FiscalYear = year, ProjectId = projectId };
}

public sealed class ProjectCalendarYearOrdersProjection() : YearOrdersProjection<ProjectCalendarYearOrders>(date => date.Year)
{
    protected override ProjectCalendarYearOrders New(string id, int year, Guid projectId) => new() { Id = id, CalendarYear = year, ProjectId = projectId };
}

/// <summary>
/// Async multi-stream projection: each award goes to its project's document for the year of awardedOn;
/// a voided award (or every award of a voided project) is taken out again, a corrected one moves to its corrected values.
/// </summary>
public abstract class YearOrdersProjection<TDoc> : MultiStreamProjection<TDoc, string> where TDoc : YearOrders
{
    private readonly Func<DateOnly, int> _yearOf;

    protected YearOrdersProjection(Func<DateOnly, int> yearOf)
    {
        _yearOf = yearOf;
        Identity<ContractAwarded>(IdOf);
        Identities<FactVoided>(e => IdsOf(e.Original));
        Identities<FactCorrected>(e => [.. IdsOf(e.Original).Union(IdsOf(e.Corrected))]);
        Identities<ProjectVoided>(e => [.. e.Withdrawn.SelectMany(IdsOf).Distinct()]);
    }

    protected abstract TDoc New(string id, int year, Guid projectId);

    private string IdOf(ContractAwarded e) => YearOrders.IdOf(_yearOf(e.AwardedOn.Start), e.ProjectId);

    private IReadOnlyList<string> IdsOf(ProjectFact fact) => fact.ContractAwarded is { } award ? [IdOf(award)] : [];

    public override TDoc? Evolve(TDoc? snapshot, string id, IEvent e)
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

    private TDoc? CountIfHere(ProjectFact fact, TDoc? snapshot, string id, int sign) =>
        fact.ContractAwarded is { } award && IdOf(award) == id ? Count(award, snapshot, id, sign) : snapshot;

    /// <summary>Counts an award in (+1) or out again (-1).</summary>
    private TDoc Count(ContractAwarded award, TDoc? snapshot, string id, int sign)
    {
        var amount = Amounts.Summable(award); // before counting: a refused event leaves the document as it was
        var orders = snapshot ?? New(id, _yearOf(award.AwardedOn.Start), award.ProjectId);
        orders.Awards += sign;
        orders.AmountJpy += sign * amount;
        if (!award.JapaneseWinner) return orders;
        orders.JapaneseWins += sign;
        orders.JapaneseWinsAmountJpy += sign * amount;
        return orders;
    }
}
