using System.Linq.Expressions;
using System.Security.Claims;
using Marten;
using Marten.Services.BatchQuerying;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Projects.Status;

/// <summary>
/// Object-level access to projects. Every role but `company` sees every project; a company user sees
/// only the projects of trouble cases its company reported (404 otherwise, never 403).
/// </summary>
public static class ProjectAccess
{
    public static async Task<bool> CanSeeAsync(ClaimsPrincipal user, Guid projectId, IQuerySession session, CancellationToken ct) =>
        TroubleAccess.CompanyOf(user) is not { } company
        || await session.Query<TroubleCase>().AnyAsync(ReportedBy(company, projectId), ct);

    /// <summary>The same check, added to a batch so that it travels with the read it guards.</summary>
    public static Task<bool> CanSee(ClaimsPrincipal user, Guid projectId, IBatchedQuery batch) =>
        TroubleAccess.CompanyOf(user) is not { } company
            ? Task.FromResult(true)
            : batch.Query<TroubleCase>().Any(ReportedBy(company, projectId));

    private static Expression<Func<TroubleCase, bool>> ReportedBy(string company, Guid projectId) =>
        c => c.ProjectId == projectId && c.ReporterCompany == company;
}
