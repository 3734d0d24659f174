using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.WebConsole.Resources;
using ProjectCases.WebConsole.SignIn;

namespace ProjectCases.WebConsole.Pages;

/// <summary>
/// DEVELOPMENT ONLY: pick a role, a company and a name, no password. Outside Development this page hands
/// over to the OpenID Connect provider of `Console:Oidc` (or says that none is configured).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(IWebHostEnvironment environment, IConfiguration configuration, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>
    /// On in Development. `Console:DevelopmentSignIn=true` turns it on elsewhere, as `Auth:AcceptDevelopmentTokens` does for
    /// the API's tokens: the benchmark measures console pages on a production-configured service with it.
    /// </summary>
    public bool DevelopmentSignIn => configuration.GetValue("Console:DevelopmentSignIn", environment.IsDevelopment());
    public string ReturnUrl { get; private set; } = "/";
    public string Role { get; private set; } = Roles.Officer;
    public string? Company { get; private set; }
    public string? Name { get; private set; }
    public string? Error { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (!DevelopmentSignIn && ConsoleSignIn.OidcConfigured(configuration))
            return Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl }, ConsoleSignIn.Oidc);
        return Page();
    }

    public async Task<IActionResult> OnPost(string? role, string? company, string? name, string? returnUrl)
    {
        if (!DevelopmentSignIn) return NotFound();
        (Role, Company, Name) = (role ?? "", company?.Trim(), name?.Trim());
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (!Roles.All.Contains(Role)) Error = text["SignIn.Error.Role"];
        else if (Role == Roles.Company && string.IsNullOrWhiteSpace(Company)) Error = text["SignIn.Error.Company"];
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The subject is the chosen name, as `dev-token --name` makes it, so "my tasks" match the API's owners.
        var subject = string.IsNullOrWhiteSpace(Name) ? (Role == Roles.Company ? $"dev.{Role}@{Company}" : $"dev.{Role}") : Name;
        var user = ConsoleUser.Create(subject, subject, Role, Role == Roles.Company ? Company : null, "development");
        await HttpContext.SignInAsync(ConsoleSignIn.Cookie, user);
        return LocalRedirect(ReturnUrl == "/" ? user.Home() : ReturnUrl);
    }
}
