using System.Linq.Expressions;
using Marten.Linq;
using Marten.Services.BatchQuerying;
using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;

namespace ProjectCases.Projects.Status;

/// <summary>The project's open follow-up count and next due date, read from the task documents (indexed by project and status).</summary>
public static class OpenFollowUps
{
    /// <summary>Adds the query to <paramref name="batch"/> (the read's single round trip); call <see cref="Fill"/> after it ran.</summary>
    public static Task<IEnumerable<DateOnly>> DueDates(IBatchedQuery batch, Guid projectId) =>
        batch.Query(new OpenDueDates { ProjectId = projectId });

    public static void Fill(ProjectStatus project, IEnumerable<DateOnly> dueDates)
    {
        var dates = dueDates.ToList();
        project.OpenFollowUpCount = dates.Count;
        project.NextFollowUpDueOn = dates.Count == 0 ? null : dates.Min();
    }

    /// <summary>A Marten compiled query: its SQL is planned once, not parsed from LINQ on every project read.</summary>
    public sealed class OpenDueDates : ICompiledListQuery<FollowUpTask, DateOnly>
    {
        public Guid ProjectId { get; set; }

        public Expression<Func<IMartenQueryable<FollowUpTask>, IEnumerable<DateOnly>>> QueryIs() =>
            tasks => tasks.Where(t => t.ProjectId == ProjectId && t.Status == FollowUpStatus.Open).Select(t => t.DueOn);
    }
}
