using ProjectCases.Infrastructure.Errors;

namespace ProjectCases.Infrastructure.Validation;

/// <summary>
/// Every query-string value on every route passes the TextRules before any endpoint runs, so that no
/// filter can carry a NUL or another control character to the database (a NUL there fails the statement,
/// and once even left a pooled connection unusable: docs/api.md, "Input rules").
/// </summary>
public sealed class QueryTextGate(RequestDelegate next, ILogger<QueryTextGate> logger)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var errors = (
            from parameter in context.Request.Query
            from value in parameter.Value
            let problem = TextRules.Problem(parameter.Key) ?? TextRules.Problem(value ?? "")
            where problem is not null
            select (Field: parameter.Key, Message: problem)).ToList();
        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        logger.LogInformation("Refused the query of {Method} {Path}: invalid {Fields}", context.Request.Method, context.Request.Path,
            string.Join(", ", errors.Select(e => e.Field).Distinct()));
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = FieldErrors.Problem(errors, jsonPaths: true) });
    }
}
