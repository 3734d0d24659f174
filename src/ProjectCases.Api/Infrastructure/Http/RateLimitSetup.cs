using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ProjectCases.Infrastructure.Http;

public static class RateLimitSetup
{
    /// <summary>
    /// Per-user token bucket on /api (`RateLimiting:PermitsPerSecond`, burst `RateLimiting:Burst`;
    /// 0 turns it off). Over the limit: 429 with Retry-After and a problem document. Keyed by the
    /// token's subject, or the client address for anonymous calls (which get 401 anyway).
    /// </summary>
    public static IServiceCollection AddProjectCasesRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerSecond = configuration.GetValue("RateLimiting:PermitsPerSecond", 50);
        var burst = configuration.GetValue("RateLimiting:Burst", 200);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                permitsPerSecond <= 0 || !context.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = Math.Max(burst, permitsPerSecond),
                            TokensPerPeriod = permitsPerSecond,
                            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                            QueueLimit = 0,
                        }));
            options.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = rejected.HttpContext });
            };
        });
        return services;
    }
}
