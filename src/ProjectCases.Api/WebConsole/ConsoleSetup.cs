using Microsoft.AspNetCore.Diagnostics;
using ProjectCases.WebConsole.SignIn;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole;

/// <summary>
/// The web console (docs/console.md): Razor Pages rendered on the server at `/`, cookie sign-in, Japanese
/// first with English one click away. The API under /api is untouched: it keeps its bearer tokens.
/// </summary>
public static class ConsoleSetup
{
    public static WebApplicationBuilder AddProjectCasesConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/WebConsole/Pages";
            // Every page of an area needs a signed-in user (and each page model names its roles). Not a convention on
            // "/": the error page must carry no authorization metadata, because the status-code middleware
            // re-executes it in a pipeline of routing and endpoint only.
            foreach (var area in new[] { "/Projects", "/Hotline", "/Cases", "/Tasks", "/Reports" }) options.Conventions.AuthorizeFolder(area);
            options.Conventions.AuthorizePage("/Index");
        });
        builder.Services.AddLocalization();
        builder.Services.AddConsoleSignIn(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<Display>();
        builder.Services.AddScoped<ConsoleWrites>();
        return builder;
    }

    public static WebApplication MapProjectCasesConsole(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseWhen(context => IsConsolePath(context.Request.Path), console => console.UseRequestLocalization(ConsoleCulture.Options()));
        // Not-found and forbidden answers of console pages become the HTML error page. Registered on the main
        // pipeline (a branch has no routing to re-execute into), then switched off for everything that is not the
        // console, so the API keeps its problem documents from the outer status-code middleware.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.Use((context, next) =>
        {
            if (!IsConsolePath(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return next(context);
        });
        app.MapRazorPages();
        return app;
    }

    /// <summary>Everything but the API, its reference, the OpenAPI document and the health checks.</summary>
    public static bool IsConsolePath(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/docs") && !path.StartsWithSegments("/openapi")
        && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/scalar");
}
