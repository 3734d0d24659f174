using ProjectCases.Infrastructure.Json;

namespace ProjectCases.Infrastructure.Validation;

public static class InputRules
{
    /// <summary>
    /// The input checks every /api route gets before its endpoint runs: query-string text, then the JSON body
    /// against the endpoint's declared body type. After authorization, so that only a caller allowed to use
    /// the route learns what its fields must look like.
    /// </summary>
    public static IApplicationBuilder UseInputRules(this IApplicationBuilder api) =>
        api.UseMiddleware<QueryTextGate>().UseMiddleware<JsonBodyGate>();
}
