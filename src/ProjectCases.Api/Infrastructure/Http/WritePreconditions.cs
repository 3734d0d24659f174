using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using Wolverine.Http;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Wolverine HTTP middleware on every endpoint that writes to an existing stream of <typeparamref name="T"/>
/// through <c>[WriteAggregate]</c> (WolverineSetup applies it): after the aggregate workflow fetched the
/// stream for writing, answer 404 for a missing or invisible stream and 412 for a stale If-Match, before
/// any decision runs. A write that lands in between fails at commit (Marten's concurrency check:
/// Errors/ExceptionToProblem, 412 with If-Match, else 409).
/// </summary>
public static class WritePreconditions<T> where T : class, IWriteModel<T>
{
    public static ProblemDetails Before(HttpContext context, T? model)
    {
        var (expected, badHeader) = IfMatch.Read(context.Request);
        if (badHeader is not null) return badHeader;
        if (model is null || !model.VisibleTo(context.User)) return T.NotFound(RouteId(context));
        if (expected is not null && expected != model.Version)
            return new ProblemDetails
            {
                Status = 412, Title = "Stale version",
                Detail = $"If-Match names version {expected}, but the record is at version {model.Version}; read it again and retry.",
            };
        return WolverineContinue.NoProblems;
    }

    private static Guid RouteId(HttpContext context) =>
        Guid.TryParse(context.Request.RouteValues["id"]?.ToString(), out var id) ? id : Guid.Empty;
}
