using System.Security.Claims;
using Marten.Services.BatchQuerying;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Projects.Status;

/// <summary>
/// The project's open-trouble count, read from the case documents (the TroubleCase projection, indexed by
/// project, status and reporting company): the cases' events stay in their own streams. A case counts
/// until it is closed. A company user counts only its own company's cases, as it sees only those.
/// </summary>
public static class OpenTroubles
{
    /// <summary>Adds the count to <paramref name="batch"/> (the read's single round trip).</summary>
    public static Task<long> Count(IBatchedQuery batch, Guid projectId, ClaimsPrincipal user) =>
        TroubleAccess.CompanyOf(user) is { } company
            ? batch.Query<TroubleCase>().Count(c => c.ProjectId == projectId && c.Status != TroubleStatus.Closed && c.ReporterCompany == company)
            : batch.Query<TroubleCase>().Count(c => c.ProjectId == projectId && c.Status != TroubleStatus.Closed);
}
