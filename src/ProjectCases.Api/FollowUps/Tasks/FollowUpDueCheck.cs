using ProjectCases.Infrastructure.Decisions;
using Wolverine;
using Wolverine.Marten;

namespace ProjectCases.FollowUps.Tasks;

/// <summary>A durable scheduled message at the end of a task's due date (Tokyo).</summary>
public sealed record CheckFollowUpDue(Guid TaskId, DateOnly DueOn);

public static class FollowUpDueCheck
{
    public static object For(Guid taskId, DateOnly dueOn) => new CheckFollowUpDue(taskId, dueOn).ScheduledAt(DueAt(dueOn));

    /// <summary>For the rules' handler, which schedules through the bus.</summary>
    public static ValueTask ScheduleAsync(IMessageBus bus, Guid taskId, DateOnly dueOn) => bus.ScheduleAsync(new CheckFollowUpDue(taskId, dueOn), DueAt(dueOn));

    private static DateTimeOffset DueAt(DateOnly dueOn) => TokyoTime.EndOfDay(dueOn).ToUniversalTime();

    /// <summary>
    /// Appends FollowUpOverdue only if the task is still open, still due on the date this check was for
    /// (a rescheduled task has a newer check; this one then does nothing), and that date has passed; a check
    /// delivered early looks again at the end of the due date.
    /// </summary>
    public static Decision Decide(FollowUpWriteModel task, CheckFollowUpDue check, DateOnly today) =>
        task is not { Status: FollowUpStatus.Open, OverdueRecorded: false } || task.DueOn != check.DueOn
            ? Decision.Accept()
            : today <= check.DueOn
                ? Decision.Accept().With(For(check.TaskId, check.DueOn))
                : Decision.Accept(new FollowUpOverdue(check.TaskId, check.DueOn));
}

/// <summary>The check's Wolverine handler, on the aggregate workflow.</summary>
public static class CheckFollowUpDueHandler
{
    public static (Events, OutgoingMessages) Handle(CheckFollowUpDue check, [WriteAggregate(nameof(CheckFollowUpDue.TaskId))] FollowUpWriteModel task,
        TimeProvider clock) => FollowUpDueCheck.Decide(task, check, TokyoTime.Today(clock)).AsSideEffects();
}
