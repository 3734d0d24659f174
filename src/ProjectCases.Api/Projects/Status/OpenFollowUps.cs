using Marten.Services.BatchQuerying;
using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;

namespace ProjectCases.Projects.Status;

/// <summary>The project's open follow-up count and next due date, read from the task documents (indexed by project and status).</summary>
public static class OpenFollowUps
{
    /// <summary>Adds the query to <paramref name="batch"/> (the read's single round trip); call <see cref="Fill"/> after it ran.</summary>
    public static Task<IReadOnlyList<DateOnly>> DueDates(IBatchedQuery batch, Guid projectId) =>
        batch.Query<FollowUpTask>()
            .Where(t => t.ProjectId == projectId && t.Status == FollowUpStatus.Open)
            .Select(t => t.DueOn)
            .ToList();

    public static void Fill(ProjectStatus project, IReadOnlyList<DateOnly> dueDates)
    {
        project.OpenFollowUpCount = dueDates.Count;
        project.NextFollowUpDueOn = dueDates.Count == 0 ? null : dueDates.Min();
    }
}
