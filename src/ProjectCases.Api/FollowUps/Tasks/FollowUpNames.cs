using Marten;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.FollowUps.Tasks;

/// <summary>
/// The names a task is shown with: its project's name, and for a hotline task the case's summary (a case has no
/// other name). Read per request for the tasks of one page (two indexed look-ups), not copied into the tasks, so
/// they always read as the project and the case do now.
/// </summary>
public sealed record FollowUpNames(IReadOnlyDictionary<Guid, string> Projects, IReadOnlyDictionary<Guid, string> Cases)
{
    public string? ProjectName(Guid? id) => id is { } key && Projects.TryGetValue(key, out var name) ? name : null;
    public string? CaseName(Guid? id) => id is { } key && Cases.TryGetValue(key, out var name) ? name : null;

    public static async Task<FollowUpNames> LookUpAsync(IQuerySession session, IEnumerable<Guid?> projectIds, IEnumerable<Guid?> troubleIds, CancellationToken ct)
    {
        var projects = projectIds.OfType<Guid>().Distinct().ToArray();
        var cases = troubleIds.OfType<Guid>().Distinct().ToArray();
        var projectNames = projects.Length == 0 ? [] : await session.Query<ProjectStatus>().Where(p => p.Id.IsOneOf(projects))
            .Select(p => new Named(p.Id, p.Name)).ToListAsync(ct);
        var caseNames = cases.Length == 0 ? [] : await session.Query<TroubleCase>().Where(c => c.Id.IsOneOf(cases))
            .Select(c => new Named(c.Id, c.Summary)).ToListAsync(ct);
        return new FollowUpNames(projectNames.ToDictionary(n => n.Id, n => n.Name), caseNames.ToDictionary(n => n.Id, n => n.Name));
    }

    private sealed record Named(Guid Id, string Name);
}
