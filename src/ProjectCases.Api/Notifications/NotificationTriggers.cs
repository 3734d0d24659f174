using JasperFx.Events;
using Marten;
using ProjectCases.FollowUps;
using ProjectCases.Infrastructure.Marten;
using Wolverine;

namespace ProjectCases.Notifications;

/// <summary>
/// An event for the notification rules, wrapped so that its handler is this one alone: a handler of IEvent&lt;T&gt;
/// would be combined by Wolverine with the follow-up rules' handlers of the same types.
/// </summary>
public sealed record NotificationTrigger(IEvent Event) : ISubscriptionMessage;

/// <summary>
/// Fed by NotificationsSubscription, one transaction per event: queues what NotificationRules ask for, and keeps the
/// "due tomorrow" reminder of each task scheduled. Redelivery is harmless: queueing is guarded per (cause, kind,
/// address), and a reminder checks the task when it fires.
/// </summary>
public static class NotificationTriggerHandler
{
    public static async Task Handle(NotificationTrigger trigger, IDocumentSession session, IMessageBus bus, NotificationCenter center, CancellationToken ct)
    {
        if (!center.Active) return;
        switch (trigger.Event.Data)
        {
            case FollowUpScheduled s: await RemindTaskDueHandler.ScheduleAsync(bus, s.TaskId, s.DueOn); return;
            case FollowUpRescheduled r: await RemindTaskDueHandler.ScheduleAsync(bus, r.TaskId, r.DueOn); return;
        }
        foreach (var request in NotificationRules.For(trigger.Event)) await center.QueueAsync(request, session, bus, ct);
    }
}
