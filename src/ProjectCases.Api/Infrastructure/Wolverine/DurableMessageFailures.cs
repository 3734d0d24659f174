using JasperFx;
using JasperFx.CodeGeneration;
using ProjectCases.Infrastructure.Errors;
using ProjectCases.Infrastructure.Marten;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace ProjectCases.Infrastructure.Wolverine;

/// <summary>
/// How a durable message (service-level and follow-up checks, due-date reminders, notification e-mails) survives
/// failures that are not its fault. Wolverine's default is three immediate attempts and then the dead letters, and
/// the attempts an envelope carries grow as it is recovered from nodes that died or looked dead, so in the cluster
/// test (issue 19) checks racing a second delivery of themselves went to the dead letters on their first failure,
/// and a check failing while PostgreSQL restarts could not even be dead-lettered; a notification whose "sent" mark
/// failed with the database gone went to the dead letters unsent. Their handlers look at the current state before
/// acting (a check records nothing twice, a notification already marked sent is not sent again), so running one
/// again is safe:
/// - a concurrent write to the same stream: again after a short pause, from the new state;
/// - the database away: again in memory for about half a minute (a restart or fail-over), then rescheduled in
///   PostgreSQL for later, so nothing is lost however long the outage.
/// Applied to every handler of the application by <see cref="Policy"/> (WolverineSetup), not handler by handler:
/// the due-date reminder, the one handler that had no Configure method, was dead-lettered while PostgreSQL
/// restarted in the cluster test (issue 19).
/// </summary>
public static class DurableMessageFailures
{
    public static void Apply(HandlerChain chain)
    {
        chain.OnException(TransientFailures.IsConcurrentWrite, "a concurrent write to the same stream")
            .RetryWithCooldown(Ms(50), Ms(250), Ms(1000), Ms(2000))
            .Then.ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
        chain.OnException(TransientFailures.IsDatabaseUnavailable, "the database is unavailable")
            .RetryWithCooldown(Ms(1000), Ms(2000), Ms(5000), Ms(10_000), Ms(15_000))
            .Then.ScheduleRetry(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));
    }

    /// <summary>
    /// Whether a handler chain gets these rules: every message of the application except those a subscription hands
    /// over inline (<see cref="EventsToHandlersSubscription.IsHandedOverInline"/>), whose failures must reach the
    /// async daemon unchanged (it pauses the shard and resumes from the same event); in-memory retries there would
    /// hold the shard for half a minute, and a scheduled retry would lose the event's order. Wolverine's own messages
    /// keep Wolverine's rules.
    /// </summary>
    public static bool AppliesTo(Type messageType) =>
        messageType.Assembly == typeof(DurableMessageFailures).Assembly && !EventsToHandlersSubscription.IsHandedOverInline(messageType);

    /// <summary>Registered in WolverineSetup: a new durable message cannot forget the rules (its handler needs no Configure method for them).</summary>
    public sealed class Policy : IHandlerPolicy
    {
        public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains.Where(c => AppliesTo(c.MessageType))) DurableMessageFailures.Apply(chain);
        }
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
