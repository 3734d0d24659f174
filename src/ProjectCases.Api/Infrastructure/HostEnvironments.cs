namespace ProjectCases.Infrastructure;

public static class HostEnvironments
{
    /// <summary>
    /// ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT when set; otherwise Development for a Debug build
    /// (what `dotnet run` builds) and Production for a Release build (what the Docker image runs).
    /// No launchSettings.json: `dotnet run` would print a line of its own on stdout, which `dev-token` must keep clean.
    /// </summary>
    public static string Default() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
#if DEBUG
        ?? Environments.Development;
#else
        ?? Environments.Production;
#endif
}
