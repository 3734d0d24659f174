using Marten;
using ProjectCases.CountryRisks;
using ProjectCases.Projects.Status;

namespace ProjectCases.Reports;

/// <summary>
/// `countryRisk=include|exclude|isolate` of the KPI and orders reports: count every project (the default), only the
/// projects that were not under an open country risk at the end of the year counted, or only those that were. Exclude
/// and isolate split the projects in two, so their numbers add up to include's.
/// </summary>
public enum CountryRiskScope { Include, Exclude, Isolate }

/// <summary>
/// Which projects were under an open country risk on a given day: linked to a risk observed on or before that day and
/// not closed by it. Reports ask about the last day of each year they count (docs/country-risk.md, "Reports"), so a
/// past year's report reads the same whatever happens to its risks later. Pure once loaded; risks are few.
/// </summary>
public sealed class ProjectsUnderRisk
{
    private readonly IReadOnlyDictionary<Guid, IReadOnlyList<CountryRisk>> _risksOfProject;

    public ProjectsUnderRisk(IEnumerable<CountryRisk> risks, IEnumerable<(Guid ProjectId, IReadOnlyList<Guid> RiskIds)> links)
    {
        var byId = risks.ToDictionary(r => r.Id);
        _risksOfProject = links.ToDictionary(l => l.ProjectId,
            l => (IReadOnlyList<CountryRisk>)[.. l.RiskIds.Where(byId.ContainsKey).Select(id => byId[id])]);
    }

    /// <summary>Open on <paramref name="day"/>: observed by then and not yet closed (a risk closed on that day is over).</summary>
    public static bool IsOpenOn(CountryRisk risk, DateOnly day) => risk.ObservedOn <= day && (risk.ClosedOn is not { } closed || closed > day);

    public bool IsUnderOpenRisk(Guid projectId, DateOnly day) =>
        _risksOfProject.TryGetValue(projectId, out var risks) && risks.Any(r => IsOpenOn(r, day));

    /// <summary>Whether a project's numbers of the year ending on <paramref name="yearEnd"/> count in the report.</summary>
    public bool Counts(CountryRiskScope scope, Guid projectId, DateOnly yearEnd) => scope switch
    {
        CountryRiskScope.Exclude => !IsUnderOpenRisk(projectId, yearEnd),
        CountryRiskScope.Isolate => IsUnderOpenRisk(projectId, yearEnd),
        _ => true,
    };

    /// <summary>Every risk and the projects linked to any (a handful of documents, read in two queries).</summary>
    public static async Task<ProjectsUnderRisk> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var risks = await session.Query<CountryRisk>().ToListAsync(ct);
        if (risks.Count == 0) return new ProjectsUnderRisk([], []);
        var linked = await session.Query<ProjectStatus>().Where(p => p.RiskIds.Any()).ToListAsync(ct);
        return new ProjectsUnderRisk(risks, linked.Select(p => (p.Id, (IReadOnlyList<Guid>)p.RiskIds)));
    }
}

/// <summary>The `countryRisk` parameter's one description, and its mark on CSV file names.</summary>
public static class CountryRiskQuery
{
    public const string Description =
        "include (the default), exclude or isolate: count every project, leave out the projects under an open country risk at the end of " +
        "the year counted (linked to a risk observed by then and not closed by then), or count only those.";

    public static string FileSuffix(CountryRiskScope scope) => scope switch
    {
        CountryRiskScope.Exclude => "-risk-excluded",
        CountryRiskScope.Isolate => "-risk-isolated",
        _ => "",
    };
}
