using System.Net.Sockets;
using JasperFx;
using Marten.Exceptions;
using Npgsql;

namespace ProjectCases.Infrastructure.Errors;

/// <summary>
/// The one definition of "the database was briefly away" (or busy), shared by the HTTP error mapping
/// (503 + Retry-After) and the background work (pause the shard and try the same events again). Anything
/// else is a bug or a poisoned event. The whole exception chain is searched: Marten, Wolverine and Polly
/// wrap the Npgsql error in their own exceptions.
/// </summary>
public static class TransientFailures
{
    public static bool IsDatabaseUnavailable(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException postgres => IsUnavailable(postgres.SqlState) || postgres.IsTransient,
        // Npgsql's own errors (not the server's): a broken or refused connection, a timeout, a failed read or write.
        NpgsqlException => true,
        SocketException or TimeoutException => true,
        _ => false,
    });

    /// <summary>
    /// What background work should retry rather than skip: a database outage, or a race with a concurrent
    /// write to the same stream or document that a second attempt resolves (the rules are idempotent).
    /// </summary>
    public static bool ShouldRetryBackgroundWork(Exception exception) => IsDatabaseUnavailable(exception) || IsConcurrentWrite(exception);

    /// <summary>
    /// A race with another write to the same stream or document (optimistic concurrency, a stream or document created
    /// twice). Nothing was committed; handling the same work again from the new state resolves it when the work is
    /// idempotent. In a cluster this happens routinely: two nodes may briefly both run a moved agent, and a durable
    /// message recovered from a node that looked dead may run while its first delivery still does.
    /// </summary>
    public static bool IsConcurrentWrite(Exception exception) =>
        Chain(exception).Any(e => e is ConcurrencyException or ExistingStreamIdCollisionException or DocumentAlreadyExistsException
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation });

    /// <summary>
    /// Tells Marten's async daemon which failures are worth trying again: the database being away, and a race
    /// with a concurrent write (<see cref="IsConcurrentWrite"/>), which EventsToHandlersSubscription lets through
    /// once its own attempts are spent. The daemon then pauses the shard and tries the same events again (the
    /// coordinator, or in a cluster Wolverine's agent controller, restarts a paused shard after a short pause)
    /// instead of dead-lettering the event or, under Wolverine's managed distribution, leaving the agent stopped
    /// for good ("a failure it cannot recover from by restarting": the follow-up rules stopped so in the cluster
    /// test, issue 19). The daemon's own rules already cover transient driver errors, timeouts and sockets; this
    /// adds the server's shutdown codes whatever Npgsql reports for them. Process-wide (the daemon's classifiers
    /// are static), so added once however many hosts a test run starts.
    /// </summary>
    public static void RegisterWithTheDaemon()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        JasperFx.Events.Daemon.TransientFailures.AddClassifier(e => ShouldRetryBackgroundWork(e) ? true : null);
    }

    private static int _registered;

    /// <summary>Connection exceptions (08…), shutdown and start-up (57P01–57P03), too many connections (53300), serialization and deadlock (40001, 40P01).</summary>
    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var e))
        {
            yield return e;
            if (e is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (e.InnerException is { } inner) pending.Push(inner);
        }
    }
}
