using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using ProjectCases.Infrastructure.Errors;
using TransientFailures = ProjectCases.Infrastructure.Errors.TransientFailures;
using Wolverine;
using Wolverine.Runtime;

namespace ProjectCases.Notifications;

/// <summary>
/// Feeds NotificationRules' events, in order and after commit, to NotificationTriggerHandler, as
/// FollowUpRulesSubscription does for the follow-up rules (same failure handling: a transient failure pauses the
/// shard and the event is handled again on resume; only an event the handler cannot handle is dead-lettered).
/// It reads every event from the first (never "from the present": a start position taken when the shard happens
/// to start races the first writes after a deploy, and lost them in one test run in three); events older than
/// `Notifications:IgnoreEventsOlderThan` are passed over, so a first start on a database with history mails
/// nothing about past cases, and events appended while the service was down are notified when it starts again.
/// </summary>
public sealed class NotificationsSubscription : SubscriptionBase
{
    public const string SubscriptionName = "Notifications";

    private readonly IWolverineRuntime _runtime;
    private readonly ILogger _logger;
    private readonly TimeSpan _maximumAge;

    public NotificationsSubscription(IWolverineRuntime runtime, ILogger<NotificationsSubscription> logger, TimeSpan maximumAge)
    {
        _runtime = runtime;
        _logger = logger;
        _maximumAge = maximumAge;
        Name = SubscriptionName;
        foreach (var type in NotificationRules.EventTypes) IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var bus = new MessageBus(_runtime);
        // Event timestamps are PostgreSQL's clock, so the age is measured on the real clock, not the application's.
        var oldest = DateTimeOffset.UtcNow - _maximumAge;
        foreach (var e in page.Events.Where(e => e.Timestamp >= oldest))
        {
            try
            {
                await bus.InvokeAsync(new NotificationTrigger(e), cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException && !TransientFailures.ShouldRetryBackgroundWork(failure))
            {
                _logger.LogError(failure, "Notifications could not handle event {Sequence} ({Type}); dead-lettered", e.Sequence, e.EventTypeName);
                operations.Store(new DeadLetterEvent(e, page.ShardName, new ApplyEventException(e, failure)));
            }
        }
        return NullChangeListener.Instance;
    }
}
