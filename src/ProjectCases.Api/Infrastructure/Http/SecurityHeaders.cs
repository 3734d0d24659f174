namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Headers on every response: no content sniffing, no framing, no caching of API answers (they carry case
/// files and tokens' views), and a content policy. The API answers JSON, so its policy allows nothing; the
/// API reference at /docs gets the policy its page needs (its own script and styles); the web console's pages
/// get theirs: everything from the service itself, no script at all, forms posting only to the service.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    public const string DocsPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https:; " +
                                     "font-src 'self' data: https:; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public const string ConsolePolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; script-src 'none'; " +
                                        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var docs = context.Request.Path.StartsWithSegments("/docs");
        var console = WebConsole.ConsoleSetup.IsConsolePath(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = docs ? DocsPolicy : console ? ConsolePolicy : ApiPolicy;
            if (!docs) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
