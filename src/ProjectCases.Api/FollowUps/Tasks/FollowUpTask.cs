using JasperFx.Events;
using Marten.Events.Aggregation;
using ProjectCases.Infrastructure.Marten;

namespace ProjectCases.FollowUps.Tasks;

/// <summary>A follow-up task as it stands: read model of GET /api/follow-ups and the state its commands decide against.</summary>
public sealed class FollowUpTask
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Title { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public FollowUpStatus Status { get; set; }
    public string Rule { get; set; } = "";
    public string? SourceEventType { get; set; }
    public Guid? SubjectId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? TroubleId { get; set; }
    /// <summary>A FollowUpOverdue was recorded for the current due date.</summary>
    public bool OverdueRecorded { get; set; }
    public string? Note { get; set; }
    public string? ClosedByRule { get; set; }

    /// <summary>Open and past its due date (Tokyo), whether or not the overdue check has run yet.</summary>
    public static bool IsOverdue(FollowUpStatus status, bool overdueRecorded, DateOnly dueOn, DateOnly today) =>
        status == FollowUpStatus.Open && (overdueRecorded || dueOn < today);
}

public sealed class FollowUpTaskProjection : SingleStreamProjection<FollowUpTask, Guid>
{
    public FollowUpTaskProjection() => Folds.IncludeIn(this, startedBy: typeof(FollowUpScheduled));

    /// <summary>The events of this stream type (the allow-list above): the write model's inline projection includes the same.</summary>
    public static IReadOnlyList<Type> StreamEvents => Folds.EventTypes(typeof(FollowUpScheduled));

    /// <summary>What each event after FollowUpScheduled does to the task; also the projection's event allow-list.</summary>
    private static readonly EventFolds<FollowUpTask> Folds = new EventFolds<FollowUpTask>()
        .On<FollowUpCompleted>((c, task) => (task.Status, task.Note, task.ClosedByRule) = (FollowUpStatus.Done, c.Note, c.ByRule))
        .On<FollowUpCancelled>((c, task) => (task.Status, task.Note) = (FollowUpStatus.Cancelled, c.Reason))
        .On<FollowUpRescheduled>((r, task) => (task.DueOn, task.OverdueRecorded) = (r.DueOn, false))
        .On<FollowUpReassigned>((r, task) => task.Owner = r.Owner)
        .On<FollowUpOverdue>((_, task) => task.OverdueRecorded = true);

    public override FollowUpTask? Evolve(FollowUpTask? task, Guid id, IEvent e)
    {
        if (task is null)
        {
            if (e.Data is not FollowUpScheduled s) return null;
            task = new FollowUpTask { Id = id, Title = s.Title, Owner = s.Owner, DueOn = s.DueOn, Rule = s.Rule,
                SourceEventType = s.SourceEventType, SubjectId = s.SubjectId, ProjectId = s.ProjectId, TroubleId = s.TroubleId };
        }
        else Folds.Apply(task, e.Data);
        task.Version = e.Version;
        return task;
    }
}
