using Marten;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Troubles;

/// <summary>
/// Open cases that a new report may repeat: the same company, project and category, reported within the last
/// 30 days and still open. The new report is accepted anyway; the answer names them (`possibleDuplicateOf`)
/// so the hotline can merge by hand.
/// </summary>
public sealed record PossibleDuplicates(IReadOnlyList<Guid> CaseIds)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>Pure: whether an earlier case looks like the same trouble as a report now.</summary>
    public static bool IsPossibleDuplicate(TroubleCase earlier, string company, Guid projectId, TroubleCategory category, DateTimeOffset now) =>
        earlier.Status == TroubleStatus.Open && earlier.ReporterCompany == company && earlier.ProjectId == projectId
        && earlier.Category == category && earlier.ReportedAt >= now - Window;

    /// <summary>The indexed columns (project, company, status, reportedAt) narrow the rows; the rule above decides.</summary>
    public static async Task<PossibleDuplicates> FindAsync(IQuerySession session, string company, Guid projectId, TroubleCategory category,
        DateTimeOffset now, CancellationToken ct)
    {
        var since = now - Window;
        var candidates = await session.Query<TroubleCase>()
            .Where(c => c.ProjectId == projectId && c.ReporterCompany == company && c.Status == TroubleStatus.Open && c.ReportedAt >= since)
            .OrderBy(c => c.ReportedAt).Take(20).ToListAsync(ct);
        return new PossibleDuplicates([.. candidates.Where(c => IsPossibleDuplicate(c, company, projectId, category, now)).Select(c => c.Id)]);
    }
}
