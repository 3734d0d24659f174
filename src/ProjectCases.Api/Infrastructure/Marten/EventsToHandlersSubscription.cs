using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using ProjectCases.Infrastructure.Errors;
using TransientFailures = ProjectCases.Infrastructure.Errors.TransientFailures;
using Wolverine;
using Wolverine.Runtime;

namespace ProjectCases.Infrastructure.Marten;

/// <summary>
/// Background work driven by events: feeds the chosen events, in global order and after commit, to Wolverine
/// handlers, one invocation (and one transaction) per event, on the async daemon. The follow-up rules, the
/// country-risk linking and the notifications are such work.
///
/// Why not Wolverine's own strict-order subscription: it dead-letters every failure when the daemon skips apply
/// errors, a lost database included, and a dead letter that cannot be stored then is lost, so follow-up tasks went
/// missing for good during an outage (issue 22). Here a failure worth retrying (TransientFailures) propagates: the
/// daemon pauses the shard without recording progress for the page and resumes from the same event, so events
/// handled before the pause are handled again and every handler must be idempotent. Only an event the handler
/// cannot handle is dead-lettered, in the same transaction as the progress, so it is recorded exactly when skipped.
/// </summary>
public abstract class EventsToHandlersSubscription : SubscriptionBase
{
    private readonly IWolverineRuntime _runtime;
    private readonly ILogger _logger;

    protected EventsToHandlersSubscription(string name, IEnumerable<Type> eventTypes, IWolverineRuntime runtime, ILogger logger)
    {
        _runtime = runtime;
        _logger = logger;
        Name = name;
        foreach (var type in eventTypes) IncludeType(type);
    }

    /// <summary>
    /// How many times an event is handled when another write to the same stream races it (a user's write, a durable
    /// check, or in a cluster a second node briefly running the same agent). Beyond it the race propagates and the
    /// daemon pauses and restarts the shard (TransientFailures.RegisterWithTheDaemon).
    /// </summary>
    protected virtual int AttemptsOnConcurrentWrites => 3;

    /// <summary>
    /// The message the handlers receive for an event: the event itself, or a wrapper that implements
    /// <see cref="ISubscriptionMessage"/> (so that DurableMessageFailures leaves its handler's failures to the daemon).
    /// </summary>
    protected virtual object MessageFor(IEvent e) => e;

    /// <summary>
    /// Whether handlers of this message type are invoked inline by a subscription (an event, or a wrapper of one):
    /// their failures must propagate unchanged so that the daemon pauses the shard and resumes from the same event.
    /// </summary>
    public static bool IsHandedOverInline(Type messageType) =>
        typeof(IEvent).IsAssignableFrom(messageType) || typeof(ISubscriptionMessage).IsAssignableFrom(messageType);

    /// <summary>Whether an event of an included type is handled at all; passed-over events just advance the progress.</summary>
    protected virtual bool Wanted(IEvent e) => true;

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var bus = new MessageBus(_runtime);
        foreach (var e in page.Events.Where(Wanted))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await bus.InvokeAsync(MessageFor(e), cancellationToken);
                    break;
                }
                catch (Exception race) when (attempt < AttemptsOnConcurrentWrites && TransientFailures.IsConcurrentWrite(race))
                {
                    // Nothing was committed: handle it again from the new state, once the other writer is done.
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException && !TransientFailures.ShouldRetryBackgroundWork(failure))
                {
                    _logger.LogError(failure, "{Subscription} could not handle event {Sequence} ({Type}); dead-lettered", Name, e.Sequence, e.EventTypeName);
                    operations.Store(new DeadLetterEvent(e, page.ShardName, new ApplyEventException(e, failure)));
                    break;
                }
                // Anything else propagates: the daemon pauses the shard without recording progress for this page.
            }
        }
        return NullChangeListener.Instance;
    }
}

/// <summary>
/// A wrapper of an event that a subscription hands to its handler inline (EventsToHandlersSubscription.MessageFor),
/// never sent or scheduled: Wolverine's retry rules for durable messages are not applied to its handler.
/// </summary>
public interface ISubscriptionMessage;
