namespace ProjectCases.FollowUps;

// The events of a follow-up task stream (one stream per task). Who closed or moved a task, and when,
// is event metadata (user name, timestamp); tasks closed by a rule are recorded by the system.

/// <summary>Rule: the rule that created it, or "manual". SubjectId: what the rule follows (touchpoint, tender,
/// agreement, award, project or case); later events find the task by rule and subject.</summary>
public sealed record FollowUpScheduled(
    Guid TaskId, string Title, string Owner, DateOnly DueOn, string Rule, string? SourceEventType, Guid? SubjectId, Guid? ProjectId, Guid? TroubleId);

public sealed record FollowUpCompleted(Guid TaskId, string? Note, string? ByRule);

public sealed record FollowUpRescheduled(Guid TaskId, DateOnly DueOn, string Reason);

public sealed record FollowUpReassigned(Guid TaskId, string Owner);

public sealed record FollowUpCancelled(Guid TaskId, string Reason);

public sealed record FollowUpOverdue(Guid TaskId, DateOnly DueOn);

public enum FollowUpStatus { Open, Done, Cancelled }
