using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProjectCases.Infrastructure.Auth;

/// <summary>
/// Tokens for local development and tests, signed with a key that is public by design.
/// DEVELOPMENT ONLY: the service accepts this key only in the Development environment, or when
/// `Auth:AcceptDevelopmentTokens` is true; production validates tokens of a real issuer (Auth:Authority).
/// </summary>
public static class DevelopmentTokens
{
    public const string Issuer = "projectcases-dev";
    public const string Audience = "projectcases";

    // DEVELOPMENT-ONLY signing key. Never use it for a deployed service.
    private const string DevelopmentOnlySigningKey = "projectcases-development-only-signing-key-not-a-secret-0123456789";

    public static SymmetricSecurityKey SigningKey { get; } = new(Encoding.UTF8.GetBytes(DevelopmentOnlySigningKey));

    /// <param name="name">The subject (user id); <paramref name="displayName"/> defaults to it.</param>
    public static string Create(string role, string? company = null, string? name = null, TimeSpan? lifetime = null,
        SecurityKey? signingKey = null, DateTime? now = null, string? displayName = null)
    {
        var user = name ?? (company is null ? $"dev.{role}" : $"dev.{role}@{company}");
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, user),
            new(ClaimNames.Name, displayName ?? user),
            new(ClaimNames.Role, role),
        };
        if (company is not null) claims.Add(new Claim(ClaimNames.Company, company));

        var issuedAt = now ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt.AddMinutes(-1),
            Expires = issuedAt.Add(lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
