using Marten;
using Wolverine;

namespace ProjectCases.FollowUps.Tasks;

/// <summary>A durable scheduled message at the end of a task's due date (Tokyo).</summary>
public sealed record CheckFollowUpDue(Guid TaskId, DateOnly DueOn);

public static class FollowUpDueCheck
{
    public static ValueTask ScheduleAsync(IMessageBus bus, Guid taskId, DateOnly dueOn) =>
        bus.ScheduleAsync(new CheckFollowUpDue(taskId, dueOn), TokyoTime.EndOfDay(dueOn).ToUniversalTime());
}

/// <summary>
/// Appends FollowUpOverdue only if the task is still open, still due on the date this check was for
/// (a rescheduled task has a newer check; this one then does nothing), and that date has passed.
/// </summary>
public static class CheckFollowUpDueHandler
{
    public static async Task Handle(CheckFollowUpDue check, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var stream = await session.Events.FetchForWriting<FollowUpTask>(check.TaskId);
        if (stream.Aggregate is not { Status: FollowUpStatus.Open, OverdueRecorded: false } task || task.DueOn != check.DueOn) return;
        if (TokyoTime.Today(clock) <= check.DueOn) { await FollowUpDueCheck.ScheduleAsync(bus, check.TaskId, check.DueOn); return; }
        stream.AppendOne(new FollowUpOverdue(check.TaskId, check.DueOn));
    }
}
