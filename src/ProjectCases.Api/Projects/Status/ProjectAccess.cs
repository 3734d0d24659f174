using System.Security.Claims;
using Marten;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Projects.Status;

/// <summary>
/// Object-level access to projects. Every role but `company` sees every project; a company user
/// sees only the projects of trouble cases its company reported (answered 404 otherwise, never 403).
/// </summary>
public static class ProjectAccess
{
    public static Task<bool> CanSeeAsync(ClaimsPrincipal user, Guid projectId, IQuerySession session, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Company)) return Task.FromResult(true);
        // Company users reach projects only through their own trouble cases (Troubles feature).
        return CompanyProjects.ReportedOnAsync(user, projectId, session, ct);
    }
}

/// <summary>Which projects a company has reported trouble on. Replaced by the Troubles feature.</summary>
public static class CompanyProjects
{
    public static Func<ClaimsPrincipal, Guid, IQuerySession, CancellationToken, Task<bool>> ReportedOnAsync { get; set; } =
        (_, _, _, _) => Task.FromResult(false);
}
