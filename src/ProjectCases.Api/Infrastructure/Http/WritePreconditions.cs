using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using Wolverine.Http;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Wolverine HTTP middleware on every endpoint that writes to an existing stream of <typeparamref name="T"/>
/// through <c>[WriteAggregate]</c> (Wolverine/WriteModels applies it; the generated code runs it right after
/// the aggregate workflow fetched the stream for writing): a malformed If-Match is 400, then
/// <see cref="WritePrecondition"/> answers 404 or 412 before any decision runs. A write that lands in
/// between fails at commit (Marten's concurrency check: Errors/ExceptionToProblem, 412 with If-Match, else 409).
/// </summary>
public static class WritePreconditions<T> where T : class, IWriteModel<T>
{
    public static ProblemDetails Before(HttpContext context, T? model)
    {
        var (expected, badHeader) = IfMatch.Read(context.Request);
        return badHeader ?? WritePrecondition.Check(model, RouteId(context), context.User, expected) ?? WolverineContinue.NoProblems;
    }

    private static Guid RouteId(HttpContext context) =>
        Guid.TryParse(context.Request.RouteValues["id"]?.ToString(), out var id) ? id : Guid.Empty;
}
