using JasperFx.Events;
using Marten.Events.Aggregation;

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
    public bool IsOverdue(DateOnly today) => Status == FollowUpStatus.Open && (OverdueRecorded || DueOn < today);
}

public sealed class FollowUpTaskProjection : SingleStreamProjection<FollowUpTask, Guid>
{
    // The allow-list of events this fold reads. Without it a catch-all Evolve "applies to every stream",
    // and each write would load this projection's document for every stream it touches (docs/benchmarks).
    public FollowUpTaskProjection()
    {
        IncludeType<FollowUpScheduled>();
        IncludeType<FollowUpCompleted>();
        IncludeType<FollowUpCancelled>();
        IncludeType<FollowUpRescheduled>();
        IncludeType<FollowUpReassigned>();
        IncludeType<FollowUpOverdue>();
    }

    public override FollowUpTask? Evolve(FollowUpTask? task, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case FollowUpScheduled s when task is null:
                task = new FollowUpTask { Id = id, Title = s.Title, Owner = s.Owner, DueOn = s.DueOn, Rule = s.Rule,
                    SourceEventType = s.SourceEventType, SubjectId = s.SubjectId, ProjectId = s.ProjectId, TroubleId = s.TroubleId };
                break;
            case FollowUpCompleted c when task is not null:
                (task.Status, task.Note, task.ClosedByRule) = (FollowUpStatus.Done, c.Note, c.ByRule);
                break;
            case FollowUpCancelled c when task is not null:
                (task.Status, task.Note) = (FollowUpStatus.Cancelled, c.Reason);
                break;
            case FollowUpRescheduled r when task is not null:
                (task.DueOn, task.OverdueRecorded) = (r.DueOn, false);
                break;
            case FollowUpReassigned r when task is not null:
                task.Owner = r.Owner;
                break;
            case FollowUpOverdue when task is not null:
                task.OverdueRecorded = true;
                break;
        }
        if (task is not null) task.Version = e.Version;
        return task;
    }
}
