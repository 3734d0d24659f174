using JasperFx.Events;
using ProjectCases.Infrastructure.Marten;
using Wolverine.Runtime;

namespace ProjectCases.Notifications;

/// <summary>
/// Feeds NotificationRules' events to NotificationTriggerHandler, with EventsToHandlersSubscription's failure policy.
/// It reads every event from the first (never "from the present": a start position taken when the shard happens
/// to start races the first writes after a deploy, and lost them in one test run in three); events older than
/// `Notifications:IgnoreEventsOlderThan` are passed over, so a first start on a database with history mails
/// nothing about past cases, and events appended while the service was down are notified when it starts again.
/// </summary>
public sealed class NotificationsSubscription(IWolverineRuntime runtime, ILogger<NotificationsSubscription> logger, TimeSpan maximumAge)
    : EventsToHandlersSubscription(SubscriptionName, NotificationRules.EventTypes, runtime, logger)
{
    public const string SubscriptionName = "Notifications";

    /// <summary>Wrapped, so that NotificationTriggerHandler alone handles it (not also the follow-up rules' handlers of IEvent&lt;T&gt;).</summary>
    protected override object MessageFor(IEvent e) => new NotificationTrigger(e);

    // Event timestamps are PostgreSQL's clock, so the age is measured on the real clock, not the application's.
    protected override bool Wanted(IEvent e) => e.Timestamp >= DateTimeOffset.UtcNow - maximumAge;
}
