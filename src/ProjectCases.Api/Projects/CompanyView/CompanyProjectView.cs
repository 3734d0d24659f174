using System.Security.Claims;
using Marten;
using Marten.Services.BatchQuerying;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Projects.CompanyView;

/// <summary>
/// The one view of a project a `company` user ever gets (GET /api/projects/{id}, the list and its search): the
/// public catalogue fields the source documents publish, and the company's own cases on the project. Nothing
/// else: no awards, bids, touchpoints, tasks, versions, ETags, nor anything about other companies' cases.
/// </summary>
public sealed record CompanyProjectView(
    Guid Id, string Name, string? NameJa, string Country, string Region, Sector Sector, ProjectStage Stage, ProjectStatusValue? Status,
    int OwnTroubleCount, int OwnOpenTroubleCount, IReadOnlyList<Guid> OwnTroubleIds)
{
    public static CompanyProjectView For(ProjectStatus p, IEnumerable<OwnCase> ownCases) =>
        For(new CatalogueEntry(p.Id, p.Name, p.NameJa, p.Country, p.Region, p.Sector, p.Stage, p.Status), ownCases);

    public static CompanyProjectView For(CatalogueEntry p, IEnumerable<OwnCase> ownCases)
    {
        var own = ownCases.Where(c => c.ProjectId == p.Id).OrderBy(c => c.Id).ToList();
        return new CompanyProjectView(p.Id, p.Name, p.NameJa, p.Country, p.Region, p.Sector, p.Stage, p.Status,
            own.Count, own.Count(c => c.Status != TroubleStatus.Closed), [.. own.Select(c => c.Id)]);
    }
}

/// <summary>The catalogue fields of a project, as a list selects them (not the whole project).</summary>
public sealed record CatalogueEntry(
    Guid Id, string Name, string? NameJa, string Country, string Region, Sector Sector, ProjectStage Stage, ProjectStatusValue? Status);

/// <summary>A case of the reading company, as the company view counts it (open = not closed, as for openTroubleCount).</summary>
public sealed record OwnCase(Guid Id, Guid ProjectId, TroubleStatus Status);

public static class CompanyProjects
{
    /// <summary>The reading company, or null for every other role (they read the full project).</summary>
    public static string? CompanyOf(ClaimsPrincipal user) => TroubleAccess.CompanyOf(user);

    /// <summary>
    /// The company's own cases on these projects, from the case documents (each case stream owns its events,
    /// so the count never depends on copies in the project's stream).
    /// </summary>
    public static Task<IReadOnlyList<OwnCase>> OwnCasesAsync(IQuerySession session, string company, Guid[] projectIds, CancellationToken ct) =>
        projectIds.Length == 0
            ? Task.FromResult<IReadOnlyList<OwnCase>>([])
            : session.Query<TroubleCase>().Where(c => c.ReporterCompany == company && c.ProjectId.IsOneOf(projectIds))
                .Select(c => new OwnCase(c.Id, c.ProjectId, c.Status)).ToListAsync(ct);

    /// <summary>The same read for one project, added to a batch so that it travels with the project's own read.</summary>
    public static Task<IReadOnlyList<OwnCase>> OwnCases(IBatchedQuery batch, string company, Guid projectId) =>
        batch.Query<TroubleCase>().Where(c => c.ReporterCompany == company && c.ProjectId == projectId)
            .Select(c => new OwnCase(c.Id, c.ProjectId, c.Status)).ToList();
}
