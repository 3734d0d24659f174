using Marten;
using Polly;
using Polly.Retry;

namespace ProjectCases.Infrastructure.Postgres;

/// <summary>
/// Contains a fault of Npgsql's automatic statement preparation (seen with Npgsql 10.0.3, still in its
/// source): on the run that prepares a statement (its fifth on a connection), PostgreSQL may accept the
/// Parse and then refuse the Bind, e.g. a text parameter holding NUL (22021). Npgsql then records the
/// statement as prepared without its row description, and the next run of the same SQL on that pooled
/// connection reads its first DataRow where it expects the end of the command: "Received unexpected backend
/// message DataRow". Npgsql breaks that connection there, so the failure lands on an innocent request
/// and then heals. Client text can no longer cause a Bind failure (TextRules at the edge); for anything
/// else that might, a read that hits this is run once more, on a fresh connection. Reads only: Marten
/// keeps its own, narrower rules for commits.
/// </summary>
public static class PreparedStatementDesync
{
    public static void RetryReadsOnceAfterDesync(this StoreOptions options) =>
        options.ExtendPolly(pipeline => pipeline.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(IsDesync(args.Outcome.Exception)),
            MaxRetryAttempts = 1,
            Delay = TimeSpan.Zero,
        }));

    public static bool IsDesync(Exception? exception) =>
        exception is not null && exception.GetType() == typeof(Exception)
        && exception.Message.StartsWith("Received unexpected backend message", StringComparison.Ordinal);
}
