using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.WebConsole.SignIn;

/// <summary>
/// Console sign-in: a cookie for the console, bearer tokens for the API, chosen by path through a policy
/// scheme. Development: /signin lets one pick a role, company and name (no password). Elsewhere: OpenID
/// Connect from `Console:Oidc` settings (docs/console.md), with the same `role` and `company` claims as the API's tokens.
/// </summary>
public static class ConsoleSignIn
{
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Oidc = OpenIdConnectDefaults.AuthenticationScheme;
    public const string ApiOrConsole = "api-or-console";

    public static bool OidcConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Console:Oidc:Authority"]) && !string.IsNullOrWhiteSpace(configuration["Console:Oidc:ClientId"]);

    public static IServiceCollection AddConsoleSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var authentication = services.AddAuthentication()
            .AddPolicyScheme(ApiOrConsole, "Bearer token under /api, console cookie elsewhere", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments("/api") ? JwtBearerDefaults.AuthenticationScheme : Cookie)
            .AddCookie(Cookie, options =>
            {
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/error/403";
                options.Cookie.Name = "projectcases.console";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });
        if (OidcConfigured(configuration)) authentication.AddOpenIdConnect(Oidc, options => ConfigureOidc(options, configuration));

        // The API's setup names the bearer scheme as the default; the policy scheme keeps it for /api and
        // adds the cookie for console pages. PostConfigure, so the order of the setup calls does not matter.
        services.PostConfigure<AuthenticationOptions>(options => options.DefaultScheme = ApiOrConsole);
        return services;
    }

    private static void ConfigureOidc(OpenIdConnectOptions options, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Console:Oidc");
        options.SignInScheme = Cookie;
        options.Authority = settings["Authority"];
        options.ClientId = settings["ClientId"];
        options.ClientSecret = settings["ClientSecret"];
        options.ResponseType = "code";
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.SaveTokens = false;
        options.CallbackPath = "/signin-oidc";
        options.SignedOutCallbackPath = "/signout-callback-oidc";
        foreach (var scope in (settings["Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries)) options.Scope.Add(scope);
        var roleClaim = settings["RoleClaim"] ?? ClaimNames.Role;
        var companyClaim = settings["CompanyClaim"] ?? ClaimNames.Company;
        var nameClaim = settings["NameClaim"] ?? ClaimNames.Name;
        options.Events.OnTokenValidated = context =>
        {
            // Re-issue the identity with the claim names the rest of the application reads (as in the API's tokens).
            var source = context.Principal!;
            var role = source.FindFirst(roleClaim)?.Value;
            if (role is null || !Roles.All.Contains(role))
            {
                context.Fail($"The identity provider gave no known '{roleClaim}' claim.");
                return Task.CompletedTask;
            }
            var subject = source.FindFirst(ClaimNames.Subject)?.Value ?? "";
            context.Principal = ConsoleUser.Create(subject, source.FindFirst(nameClaim)?.Value ?? subject, role, source.FindFirst(companyClaim)?.Value, "oidc");
            return Task.CompletedTask;
        };
    }
}
