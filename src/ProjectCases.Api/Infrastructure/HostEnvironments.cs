namespace ProjectCases.Infrastructure;

public static class HostEnvironments
{
    /// <summary>
    /// `--environment` on the command line (also how a test host asks for one), else ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT when set; otherwise Development for a Debug build
    /// (what `dotnet run` builds) and Production for a Release build (what the Docker image runs).
    /// No launchSettings.json: `dotnet run` would print a line of its own on stdout, which `dev-token` must keep clean.
    /// </summary>
    public static string Default(string[] args) =>
        FromArguments(args)
        ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
#if DEBUG
        ?? Environments.Development;
#else
        ?? Environments.Production;
#endif

    private static string? FromArguments(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--environment=", StringComparison.OrdinalIgnoreCase)) return args[i]["--environment=".Length..];
            if (args[i].Equals("--environment", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length) return args[i + 1];
        }
        return null;
    }
}
