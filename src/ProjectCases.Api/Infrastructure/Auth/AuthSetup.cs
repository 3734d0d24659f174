using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ProjectCases.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>
    /// JWT bearer for every /api route. Production: `Auth:Authority` (OpenID Connect discovery) and
    /// `Auth:Audience` from configuration. Development: the development-only key of DevelopmentTokens.
    /// </summary>
    public static IServiceCollection AddProjectCasesAuth(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var authority = configuration["Auth:Authority"];
        var acceptDevTokens = environment.IsDevelopment() || configuration.GetValue("Auth:AcceptDevelopmentTokens", false);

        // Checked when the host starts (not here), so that command-line verbs such as dev-token still run.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(_ => !string.IsNullOrWhiteSpace(authority) || acceptDevTokens,
                "No token issuer configured: set Auth__Authority and Auth__Audience, or run in the Development environment to accept development tokens.")
            .ValidateOnStart();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                var parameters = new TokenValidationParameters
                {
                    NameClaimType = ClaimNames.Subject,
                    RoleClaimType = ClaimNames.Role,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (!string.IsNullOrWhiteSpace(authority))
                {
                    options.Authority = authority;
                    parameters.ValidIssuer = configuration["Auth:Issuer"] ?? authority;
                    parameters.ValidAudience = configuration["Auth:Audience"] ?? DevelopmentTokens.Audience;
                }
                else
                {
                    parameters.ValidIssuer = DevelopmentTokens.Issuer;
                    parameters.ValidAudience = DevelopmentTokens.Audience;
                    parameters.IssuerSigningKey = DevelopmentTokens.SigningKey;
                }
                options.TokenValidationParameters = parameters;
            });
        services.AddTokenRules();
        services.AddAuthorization();
        return services;
    }
}
