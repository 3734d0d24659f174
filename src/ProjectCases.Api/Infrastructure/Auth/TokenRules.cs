using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using ProjectCases.Infrastructure.Validation;

namespace ProjectCases.Infrastructure.Auth;

/// <summary>
/// What a validly signed token must also carry before its holder may act (401 otherwise): a subject
/// (`sub`), because every event records who did it; at most one `company` claim, and for the company
/// role a non-blank one; and claim text that passes the TextRules (it is stored with the events).
/// The `company` claim is trimmed here, once, so every reader (filing, listing, access checks) sees the
/// same company: " Acme " and "Acme" are the same company (docs/api.md, "Input rules").
/// </summary>
public static class TokenRules
{
    /// <summary>Chains the rules after whatever else runs when a token has been validated.</summary>
    public static IServiceCollection AddTokenRules(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Events ??= new JwtBearerEvents();
            var earlier = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await earlier(context);
                if (context.Result?.Failure is not null || context.Principal is null) return;
                if (Refusal(context.Principal) is { } reason) context.Fail(reason);
            };
        });

    /// <summary>Why the principal is refused, or null after normalising its company claim.</summary>
    public static string? Refusal(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(ClaimNames.Subject)?.Value;
        if (string.IsNullOrWhiteSpace(subject)) return "The token has no subject (sub): every change records who made it.";
        foreach (var claim in principal.Claims.Where(c => c.Type is ClaimNames.Subject or ClaimNames.Name or ClaimNames.Company))
            if (TextRules.Problem(claim.Value) is { } problem) return $"The token's {claim.Type} claim {problem}";

        var companies = principal.FindAll(ClaimNames.Company).ToList();
        if (companies.Count > 1) return "The token carries more than one company claim.";
        if (companies.SingleOrDefault() is { } company && company.Subject is { } identity && company.Value != company.Value.Trim())
        {
            identity.RemoveClaim(company);
            identity.AddClaim(new Claim(ClaimNames.Company, company.Value.Trim(), company.ValueType, company.Issuer, company.OriginalIssuer));
        }
        if (principal.IsInRole(Roles.Company) && string.IsNullOrWhiteSpace(principal.FindFirst(ClaimNames.Company)?.Value))
            return "A company user's token must name the company (claim company).";
        return null;
    }
}
