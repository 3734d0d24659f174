namespace ProjectCases.Infrastructure.Errors;

public static class RequestLimits
{
    /// <summary>Bodies over 1 MiB are refused with 413 (API.md).</summary>
    public const long MaxBodyBytes = 1024 * 1024;
}
