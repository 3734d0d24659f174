using ProjectCases.Projects;

namespace ProjectCases.Troubles.Cases;

/// <summary>A case as the hotline and auditors see it (companies get <see cref="CompanyCaseView"/>).</summary>
public sealed record TroubleCaseView(
    Guid Id, long Version, Guid ProjectId, TroubleCategory Category, string Summary, string Details, DateOnly OccurredOn,
    Reporter Reporter, Money? AmountAtStake, DateTimeOffset ReportedAt, TroubleStatus Status, Priority Priority, bool Triaged,
    string? Assignee, DateTimeOffset FirstResponseDue, DateTimeOffset? FirstRespondedAt, DateTimeOffset ResolutionDue,
    DateTimeOffset? ResolvedAt, bool Overdue, ResolutionOutcome? Outcome, string? ResolutionSummary, bool Acknowledged,
    DateTimeOffset? ClosedAt, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>Times with Japan's offset (the same instants; the hotline works in Tokyo time).</summary>
    public static TroubleCaseView For(TroubleCase c, DateTimeOffset now) => new(
        c.Id, c.Version, c.ProjectId, c.Category, c.Summary, c.Details, c.OccurredOn, c.Reporter, c.AmountAtStake, TokyoTime.Local(c.ReportedAt),
        c.Status, c.Priority, c.Triaged, c.Assignee, TokyoTime.Local(c.FirstResponseDue), TokyoTime.Local(c.FirstRespondedAt), TokyoTime.Local(c.ResolutionDue),
        TokyoTime.Local(c.ResolvedAt), IsOverdue(c, now), c.Outcome, c.ResolutionSummary, c.Acknowledged, TokyoTime.Local(c.ClosedAt), c.Timeline);

    /// <summary>
    /// The same case as its reporting company sees it (the web console's company pages): what
    /// <see cref="CompanyCaseView"/> leaves out is blanked here (version, assignee, first response, overdue, internal lines).
    /// </summary>
    public TroubleCaseView AsCompanySees() =>
        this with { Version = 0, Assignee = null, FirstRespondedAt = null, Overdue = false, Timeline = [.. Timeline.Where(t => !t.Internal)] };

    /// <summary>Open and past a deadline still running, or a breach already recorded.</summary>
    public static bool IsOverdue(TroubleCase c, DateTimeOffset now) =>
        IsOverdue(c.Status, c.FirstResponseBreached, c.ResolutionBreached, c.NextDueAt, now);

    public static bool IsOverdue(TroubleStatus status, bool firstResponseBreached, bool resolutionBreached, DateTimeOffset? nextDueAt, DateTimeOffset now) =>
        status == TroubleStatus.Open && (firstResponseBreached || resolutionBreached || nextDueAt < now);
}
