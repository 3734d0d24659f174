using Microsoft.AspNetCore.Http.Features;

namespace ProjectCases.Infrastructure.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error is an RFC 9457 problem document with a plain-words `detail`, including the
    /// empty-bodied ones that the framework produces (401, 403, 404, 405, 415).
    /// </summary>
    public static IServiceCollection AddProjectCasesProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Detail ??= DefaultDetail(problem.Status, context.HttpContext);
            problem.Instance ??= context.HttpContext.Request.Path;
            var traceId = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString();
            problem.Extensions.TryAdd("traceId", traceId ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ExceptionToProblem>();
        return services;
    }

    private static string? DefaultDetail(int? status, HttpContext context) => status switch
    {
        400 => "The request is malformed.",
        401 => "A valid bearer token is required (Authorization: Bearer <token>). The token is missing, expired or not signed by a trusted issuer.",
        403 => "Your role is not allowed to do this.",
        404 => $"Nothing was found at {context.Request.Path}.",
        405 => $"{context.Request.Method} is not supported on {context.Request.Path}.",
        406 => "The requested response format is not available; ask for application/json.",
        413 => $"The request body is larger than the {RequestLimits.MaxBodyBytes / 1024 / 1024} MiB limit.",
        415 => "The request body must be JSON: send Content-Type: application/json.",
        429 => "Too many requests; retry after the time in the Retry-After header.",
        500 => "The service failed unexpectedly while handling this request. Quote the traceId when reporting it.",
        503 => "The database is unavailable; retry after the time in the Retry-After header.",
        _ => null,
    };
}
