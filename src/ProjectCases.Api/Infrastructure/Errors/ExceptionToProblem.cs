using System.Text.Json;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ProjectCases.Infrastructure.Errors;

/// <summary>
/// The one place where exceptions become responses. Anything a client can cause maps to a 4xx with a
/// sentence; a lost database maps to 503; only our own bugs remain 500.
/// </summary>
public sealed class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger) : IExceptionHandler
{
    /// <summary>About the time PostgreSQL takes to come back from a restart or a fail-over.</summary>
    public const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = Map(exception, context);
        if (problem is null) return false; // a real bug: the default handler logs it and answers 500

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            logger.LogWarning("Request failed with 503, the database is unavailable: {Error}", exception.GetBaseException().Message);
        }
        // A client's mistake is logged as such, without a stack trace; the rest keep theirs.
        else if (problem.Status < 500) logger.LogInformation("Request refused with {Status}: {Detail}", problem.Status, problem.Detail);
        else logger.LogWarning(exception, "Request failed with {Status}: {Detail}", problem.Status, problem.Detail);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails? Map(Exception exception, HttpContext context) => exception switch
    {
        ConcurrencyException when context.Request.Headers.IfMatch.Count > 0 => new ProblemDetails
        {
            Status = StatusCodes.Status412PreconditionFailed,
            Title = "Stale version",
            Detail = "The resource changed since the version given in If-Match; read it again and retry.",
        },
        ConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Concurrent change",
            Detail = "Another change to the same record was saved at the same moment; retry the request.",
        },
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Detail = bad.Message },
        // Bodies are checked by JsonBodyGate before any endpoint reads them; this is the fallback, whose own
        // message may name .NET types, so only the position is passed on.
        JsonException json => FieldErrors.Problem([(json.Path is { Length: > 2 } path ? path[2..] : "$",
            "could not be read: check the field's type and format.")], jsonPaths: true),
        // A lost connection at any point, the commit included: the client may retry (with the same Idempotency-Key
        // to learn whether a write whose commit was cut off happened). Searched through the whole exception chain,
        // so a driver error wrapped by Marten (seen in the cluster test's PostgreSQL restart) counts too.
        _ when TransientFailures.IsDatabaseUnavailable(exception)
            => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Database unavailable" },
        _ => null,
    };
}
