using ProjectCases.Projects;

namespace ProjectCases.Troubles.Cases;

/// <summary>
/// The reporting company's view of its own case: the shared timeline and what it shows. No `version` (it counts
/// internal actions too), no assignee, no first-response instant (an internal consultation can set it), no
/// overdue flag (internal responses move it): every field here changes only with a line the company can see.
/// </summary>
public sealed record CompanyCaseView(
    Guid Id, Guid ProjectId, TroubleCategory Category, string Summary, string Details, DateOnly OccurredOn, Reporter Reporter,
    Money? AmountAtStake, DateTimeOffset ReportedAt, TroubleStatus Status, Priority Priority, bool Triaged,
    DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue, DateTimeOffset? ResolvedAt, ResolutionOutcome? Outcome,
    string? ResolutionSummary, bool Acknowledged, DateTimeOffset? ClosedAt, IReadOnlyList<TimelineEntry> Timeline)
{
    public static CompanyCaseView For(TroubleCase c) => new(
        c.Id, c.ProjectId, c.Category, c.Summary, c.Details, c.OccurredOn, c.Reporter, c.AmountAtStake, TokyoTime.Local(c.ReportedAt), c.Status, c.Priority,
        c.Triaged, TokyoTime.Local(c.FirstResponseDue), TokyoTime.Local(c.ResolutionDue), TokyoTime.Local(c.ResolvedAt), c.Outcome, c.ResolutionSummary,
        c.Acknowledged, TokyoTime.Local(c.ClosedAt),
        [.. c.Timeline.Where(t => !t.Internal)]);
}
