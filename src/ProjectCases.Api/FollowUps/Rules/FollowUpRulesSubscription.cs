using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using ProjectCases.Infrastructure.Errors;
using TransientFailures = ProjectCases.Infrastructure.Errors.TransientFailures;
using Wolverine;
using Wolverine.Runtime;

namespace ProjectCases.FollowUps.Rules;

/// <summary>
/// Feeds the rules' events, in global order and after commit, to FollowUpEventHandler (one Wolverine
/// invocation, and one transaction, per event). Wolverine's own strict-order subscription dead-letters
/// every failure when the daemon skips apply errors, a lost database included, and a dead letter that
/// cannot be stored then is lost: follow-up tasks went missing for good during an outage (issue 22).
/// Here a failure worth retrying (TransientFailures) pauses the shard, and the daemon resumes it from
/// the same event; only an event the rules cannot handle is dead-lettered, in the same transaction as
/// the subscription's progress, so it is recorded exactly when it is skipped. Events handled before a
/// pause are handled again on resume: the rules are idempotent (FollowUpAutomation).
/// </summary>
public sealed class FollowUpRulesSubscription : SubscriptionBase
{
    public const string SubscriptionName = "FollowUpRules";

    private readonly IWolverineRuntime _runtime;
    private readonly ILogger _logger;

    public FollowUpRulesSubscription(IWolverineRuntime runtime, ILogger<FollowUpRulesSubscription> logger)
    {
        _runtime = runtime;
        _logger = logger;
        Name = SubscriptionName;
        foreach (var type in FollowUpRules.EventTypes) IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var bus = new MessageBus(_runtime);
        foreach (var e in page.Events)
        {
            try
            {
                await bus.InvokeAsync(e, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException && !TransientFailures.ShouldRetryBackgroundWork(failure))
            {
                _logger.LogError(failure, "Follow-up rules could not handle event {Sequence} ({Type}); dead-lettered", e.Sequence, e.EventTypeName);
                operations.Store(new DeadLetterEvent(e, page.ShardName, new ApplyEventException(e, failure)));
            }
            // Anything else propagates: the daemon pauses the shard without recording progress for this page.
        }
        return NullChangeListener.Instance;
    }
}
