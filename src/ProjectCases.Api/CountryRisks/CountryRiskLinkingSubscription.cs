using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using ConcurrencyException = JasperFx.ConcurrencyException;
using Marten.Subscriptions;
using ProjectCases.Infrastructure.Errors;
using TransientFailures = ProjectCases.Infrastructure.Errors.TransientFailures;
using Wolverine;
using Wolverine.Runtime;

namespace ProjectCases.CountryRisks;

/// <summary>
/// Feeds CountryRiskOpened and CountryRiskUpdated, in order and after commit, to CountryRiskLinkingHandler (one Wolverine
/// invocation and one transaction per event), on the async daemon like the follow-up rules
/// (FollowUpRulesSubscription, whose failure policy this follows): a lost database pauses the shard and the daemon
/// resumes from the same event; a write on a project racing the linking is simply linked again (idempotent); only
/// an event the linking cannot handle is dead-lettered.
/// </summary>
public sealed class CountryRiskLinkingSubscription : SubscriptionBase
{
    public const string SubscriptionName = "CountryRiskLinking";
    private const int AttemptsOnConcurrentWrites = 3;

    private readonly IWolverineRuntime _runtime;
    private readonly ILogger _logger;

    public CountryRiskLinkingSubscription(IWolverineRuntime runtime, ILogger<CountryRiskLinkingSubscription> logger)
    {
        _runtime = runtime;
        _logger = logger;
        Name = SubscriptionName;
        IncludeType<CountryRiskOpened>();
        IncludeType<CountryRiskUpdated>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var bus = new MessageBus(_runtime);
        foreach (var e in page.Events)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await bus.InvokeAsync(e, cancellationToken);
                    break;
                }
                catch (ConcurrencyException) when (attempt < AttemptsOnConcurrentWrites)
                {
                    // A user wrote on one of the projects meanwhile: nothing was committed; link again from the new state.
                }
                catch (Exception failure) when (failure is not OperationCanceledException && !TransientFailures.ShouldRetryBackgroundWork(failure))
                {
                    _logger.LogError(failure, "Country-risk linking could not handle event {Sequence} ({Type}); dead-lettered", e.Sequence, e.EventTypeName);
                    operations.Store(new DeadLetterEvent(e, page.ShardName, new ApplyEventException(e, failure)));
                    break;
                }
            }
        }
        return NullChangeListener.Instance;
    }
}
