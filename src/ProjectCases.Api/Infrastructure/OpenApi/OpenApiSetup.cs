using Scalar.AspNetCore;

namespace ProjectCases.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    /// <summary>
    /// The document describes what the code declares: query parameters from <see cref="IDeclaresQuery"/> metadata,
    /// headers, responses, security, ids and tags from the endpoint's kind (<see cref="OperationDescriber"/>), and
    /// strings and enums as the JSON rules write them (<see cref="SchemaDescriber"/>). A new endpoint is described by
    /// these without any per-endpoint OpenAPI code.
    /// </summary>
    public static IServiceCollection AddProjectCasesOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddSchemaTransformer<SchemaDescriber>();
        options.AddOperationTransformer<OperationDescriber>();
        options.AddDocumentTransformer<DocumentDescriber>();
        options.DescribeBusinessDates(); // a business date: a string in one of its three forms
    });

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
