using JasperFx.CommandLine;
using Microsoft.Extensions.Hosting;

namespace ProjectCases.Infrastructure.Auth;

public class DevTokenInput : NetCoreInput
{
    [Description("Role: officer, hotline, company, auditor or admin")]
    public string Role { get; set; } = "";

    [Description("Company name (required for the company role)")]
    [FlagAlias("company")]
    public string? CompanyFlag { get; set; }

    [Description("User name (subject) to put in the token")]
    [FlagAlias("name")]
    public string? NameFlag { get; set; }
}

/// <summary>`dev-token ROLE [--company NAME] [--name USER]`: prints a development token, and only that, on stdout.</summary>
[Description("Print a development-only JWT for a role", Name = "dev-token")]
public class DevTokenCommand : JasperFxCommand<DevTokenInput>
{
    public override bool Execute(DevTokenInput input)
    {
        var role = input.Role.Trim().ToLowerInvariant();
        if (!Roles.All.Contains(role))
        {
            Console.Error.WriteLine($"Unknown role '{input.Role}'. Use one of: {string.Join(", ", Roles.All)}.");
            return false;
        }
        if (role == Roles.Company && string.IsNullOrWhiteSpace(input.CompanyFlag))
        {
            Console.Error.WriteLine("The company role needs --company <name>.");
            return false;
        }

        var token = DevelopmentTokens.Create(role, role == Roles.Company ? input.CompanyFlag : null, input.NameFlag);
        StandardOutput.WriteLine(token);
        return true;
    }

    private static TextWriter StandardOutput { get; set; } = Console.Out;

    /// <summary>
    /// The command-line framework prints its own lines to Console.Out, and the token must be alone on
    /// stdout: keep the real stdout for the token and send everything else to stderr.
    /// </summary>
    public static void KeepStandardOutputForTheToken()
    {
        StandardOutput = Console.Out;
        Console.SetOut(Console.Error);
    }
}
