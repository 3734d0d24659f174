using System.Net.Sockets;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ProjectCases.Infrastructure.Errors;

namespace ProjectCases.Tests.Foundation;

/// <summary>
/// How a lost database reaches the client, as the failures PostgreSQL and Npgsql produce when the server
/// stops mid-request (seen in the fault test's logs), wrapped as Marten and Wolverine pass them on.
/// </summary>
public class DatabaseFailureResponses
{
    private static PostgresException Server(string sqlState, string message) => new(message, "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception> LostDatabase => new()
    {
        { "fast shutdown during commit", new MartenCommandException(new NpgsqlCommand("select mt_quick_append_events()"), Server("57P01", "terminating connection due to administrator command")) },
        { "shutting down at connect", Server("57P03", "the database system is shutting down") },
        { "refused connection", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException(111)) },
        { "connection broken mid-read", new InvalidOperationException("commit failed", new NpgsqlException("Exception while reading from stream", new EndOfStreamException())) },
        { "pool timeout", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "several at once", new AggregateException(new ArgumentException("other"), Server("08006", "connection failure")) },
    };

    [Theory]
    [MemberData(nameof(LostDatabase))]
    public async Task a_lost_database_is_a_503_with_retry_after(string situation, Exception failure)
    {
        var context = new DefaultHttpContext();
        var handled = await new ExceptionToProblem(new RecordingProblems(), NullLogger<ExceptionToProblem>.Instance)
            .TryHandleAsync(context, failure, CancellationToken.None);

        Assert.True(handled, situation);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal(ExceptionToProblem.RetryAfterSeconds, context.Response.Headers.RetryAfter.ToString());
        Assert.True(TransientFailures.ShouldRetryBackgroundWork(failure), situation);
    }

    [Fact]
    public void a_bug_or_a_refused_statement_is_not_mistaken_for_an_outage()
    {
        Assert.False(TransientFailures.IsDatabaseUnavailable(new InvalidOperationException("bug")));
        Assert.False(TransientFailures.IsDatabaseUnavailable(Server("22003", "numeric field overflow")));
        Assert.False(TransientFailures.IsDatabaseUnavailable(new MartenCommandException(new NpgsqlCommand("select 1"), Server("42703", "column does not exist"))));
    }

    /// <summary>The races the cluster test logged (issue 19): a durable check and a second delivery of it, two nodes briefly running one subscription.</summary>
    public static TheoryData<string, Exception> Races => new()
    {
        { "stream version moved", new JasperFx.Events.EventStreamUnexpectedMaxEventIdException(Guid.NewGuid(), typeof(object), 1, 2) },
        { "same version appended twice", new JasperFx.Events.EventStreamUnexpectedMaxEventIdException(
            "Optimistic concurrency failure appending to an event stream: the expected version did not match the stream's current version.") },
        { "stream started twice", new InvalidOperationException("handler failed", Server(PostgresErrorCodes.UniqueViolation, "duplicate key value violates unique constraint")) },
    };

    [Theory]
    [MemberData(nameof(Races))]
    public void a_race_with_another_write_is_retried_by_background_work_and_is_no_outage(string situation, Exception failure)
    {
        Assert.True(TransientFailures.IsConcurrentWrite(failure), situation);
        Assert.True(TransientFailures.ShouldRetryBackgroundWork(failure), situation);
        Assert.False(TransientFailures.IsDatabaseUnavailable(failure), situation);
    }

    private sealed class RecordingProblems : IProblemDetailsService
    {
        public ValueTask WriteAsync(ProblemDetailsContext context) => ValueTask.CompletedTask;

        public ValueTask<bool> TryWriteAsync(ProblemDetailsContext context) => ValueTask.FromResult(true);
    }
}
