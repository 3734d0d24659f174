using Scalar.AspNetCore;

namespace ProjectCases.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddProjectCasesOpenApi(this IServiceCollection services) => services.AddOpenApi();

    /// <summary>The OpenAPI document at /openapi/v1.json and a browsable reference (Scalar) at /docs. No token needed.</summary>
    public static WebApplication MapProjectCasesOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithTitle("ProjectCases API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return app;
    }
}
