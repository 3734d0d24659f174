using ProjectCases.Infrastructure.Errors;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace ProjectCases.Infrastructure.Wolverine;

/// <summary>
/// How a durable message (service-level and follow-up checks, notification e-mails) survives failures that are not its fault.
/// Wolverine's default is three immediate attempts and then the dead letters, and the attempts an envelope carries
/// grow as it is recovered from nodes that died or looked dead, so in the cluster test (issue 19) checks racing a
/// second delivery of themselves went to the dead letters on their first failure, and a check failing while
/// PostgreSQL restarts could not even be dead-lettered; a notification whose "sent" mark failed with the database
/// gone went to the dead letters unsent. Their handlers look at the current state before acting (a check records
/// nothing twice, a notification already marked sent is not sent again), so running one again is safe:
/// - a concurrent write to the same stream: again after a short pause, from the new state;
/// - the database away: again in memory for about half a minute (a restart or fail-over), then rescheduled in
///   PostgreSQL for later, so nothing is lost however long the outage.
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

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
