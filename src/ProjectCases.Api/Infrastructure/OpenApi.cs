using Scalar.AspNetCore;

namespace ProjectCases.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddProjectCasesOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.DescribeBusinessDates());

    /// <summary>
    /// The OpenAPI document at /openapi/v1.json and a browsable reference (Scalar) at /docs, no token needed: in
    /// Development, or elsewhere when `OpenApi:Enabled` is true (a map of every route is an attacker's first want).
    /// </summary>
    public static WebApplication MapProjectCasesOpenApi(this WebApplication app)
    {
        if (!app.Configuration.GetValue("OpenApi:Enabled", app.Environment.IsDevelopment())) return app;
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithTitle("ProjectCases API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return app;
    }
}
