using Marten;
using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;

namespace ProjectCases.Projects.Status;

/// <summary>The project's open follow-up count and next due date, read from the task documents (indexed by project and status).</summary>
public static class OpenFollowUps
{
    public static async Task FillAsync(ProjectStatus project, IQuerySession session, CancellationToken ct)
    {
        var dueDates = await session.Query<FollowUpTask>()
            .Where(t => t.ProjectId == project.Id && t.Status == FollowUpStatus.Open)
            .Select(t => t.DueOn)
            .ToListAsync(ct);
        project.OpenFollowUpCount = dueDates.Count;
        project.NextFollowUpDueOn = dueDates.Count == 0 ? null : dueDates.Min();
    }
}
