using System.Security.Claims;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.WebConsole.SignIn;

/// <summary>The signed-in console user, with the same claim names as the API's tokens (so the access rules are shared).</summary>
public static class ConsoleUser
{
    public static ClaimsPrincipal Create(string subject, string displayName, string role, string? company, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, subject),
            new(ClaimNames.Name, displayName),
            new(ClaimNames.Role, role),
        };
        if (role == Roles.Company && !string.IsNullOrWhiteSpace(company)) claims.Add(new Claim(ClaimNames.Company, company));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimNames.Name, ClaimNames.Role));
    }

    public static string Role(this ClaimsPrincipal user) => user.FindFirst(ClaimNames.Role)?.Value ?? "";

    public static string Subject(this ClaimsPrincipal user) => user.FindFirst(ClaimNames.Subject)?.Value ?? "";

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirst(ClaimNames.Name)?.Value ?? user.Subject();

    public static string? Company(this ClaimsPrincipal user) => user.FindFirst(ClaimNames.Company)?.Value;

    public static bool IsAnyOf(this ClaimsPrincipal user, string roles) => roles.Split(',').Any(user.IsInRole);

    /// <summary>Where a role starts: its main list.</summary>
    public static string Home(this ClaimsPrincipal user) => user.Role() switch
    {
        Roles.Hotline => "/hotline",
        Roles.Company => "/cases",
        _ => "/projects",
    };
}
