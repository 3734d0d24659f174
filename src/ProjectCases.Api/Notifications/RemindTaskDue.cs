using Marten;
using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;
using Wolverine;

namespace ProjectCases.Notifications;

/// <summary>A durable scheduled message at the start (Tokyo) of the day before a task's due date.</summary>
public sealed record RemindTaskDue(Guid TaskId, DateOnly DueOn);

public static class RemindTaskDueHandler
{
    public static ValueTask ScheduleAsync(IMessageBus bus, Guid taskId, DateOnly dueOn) =>
        bus.ScheduleAsync(new RemindTaskDue(taskId, dueOn), TokyoTime.StartOfDay(dueOn.AddDays(-1)).ToUniversalTime());

    /// <summary>
    /// Like the overdue check, it looks at the task as it is now: nothing if it is closed or was moved to another
    /// date (the move scheduled its own reminder), nothing if "tomorrow" has passed (a task created due today),
    /// and it looks again later if delivered early.
    /// </summary>
    public static async Task Handle(RemindTaskDue reminder, IDocumentSession session, IMessageBus bus, NotificationCenter center, TimeProvider clock, CancellationToken ct)
    {
        if (!center.Active) return;
        var task = await session.LoadAsync<FollowUpTask>(reminder.TaskId, ct);
        if (task is not { Status: FollowUpStatus.Open } || task.DueOn != reminder.DueOn) return;
        var today = TokyoTime.Today(clock);
        var dayBefore = reminder.DueOn.AddDays(-1);
        if (today < dayBefore) await ScheduleAsync(bus, reminder.TaskId, reminder.DueOn);
        else if (today == dayBefore)
            await center.QueueAsync(new NotificationRequest(NotificationKind.TaskDueTomorrow, Addressee.TaskOwner, $"{reminder.TaskId}:{reminder.DueOn:yyyy-MM-dd}", reminder.TaskId),
                session, bus, ct);
    }
}
