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
/// A first start on a database with history begins at the newest event rather than mailing about years of past
/// cases; after that it continues from its recorded progress, so events appended while the service was down are
/// notified when it starts again.
/// </summary>
public sealed class NotificationsSubscription : SubscriptionBase
{
    public const string SubscriptionName = "Notifications";

    private readonly IWolverineRuntime _runtime;
    private readonly ILogger _logger;

    public NotificationsSubscription(IWolverineRuntime runtime, ILogger<NotificationsSubscription> logger)
    {
        _runtime = runtime;
        _logger = logger;
        Name = SubscriptionName;
        Options.SubscribeAsInlineToAsync(); // "no progress yet: start at the newest event", then continue
        foreach (var type in NotificationRules.EventTypes) IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var bus = new MessageBus(_runtime);
        foreach (var e in page.Events)
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
