using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ProjectCases.Infrastructure.Http;

public static class RateLimitSetup
{
    /// <summary>
    /// Token buckets, each `PermitsPerSecond` refilled once a second up to `Burst`:
    /// - a signed-in user on /api, keyed by the token's subject (`RateLimiting:PermitsPerSecond` 50, `Burst` 200);
    /// - every request without a valid token (none, expired, forged), keyed by client address
    ///   (`RateLimiting:Anonymous:PermitsPerSecond` 5, `Burst` 20): probing and token guessing cost the prober;
    /// - /health/*, keyed by client address (`RateLimiting:Health:PermitsPerSecond` 10, `Burst` 20).
    /// `RateLimiting:PermitsPerSecond` 0 turns all of them off, a class's own 0 turns off that class. Over a
    /// limit: 429 with Retry-After and a problem document. The client address is the connection's: behind a
    /// proxy, configure forwarded headers so that it is the client's, not the proxy's (docs/operations.md).
    /// </summary>
    public static IServiceCollection AddProjectCasesRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimiting");
        var user = Bucket.From(section, 50, 200);
        var anonymous = Bucket.From(section.GetSection("Anonymous"), 5, 20);
        var health = Bucket.From(section.GetSection("Health"), 10, 20);
        var on = user.PermitsPerSecond > 0;
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (!on) return RateLimitPartition.GetNoLimiter("off");
                if (context.Request.Path.StartsWithSegments("/health")) return health.Partition($"health:{address}");
                if (context.User.Identity?.IsAuthenticated != true) return anonymous.Partition($"anonymous:{address}");
                return context.Request.Path.StartsWithSegments("/api")
                    ? user.Partition($"user:{context.User.Identity.Name ?? address}")
                    : RateLimitPartition.GetNoLimiter("signed-in, outside the API");
            });
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

    private sealed record Bucket(int PermitsPerSecond, int Burst)
    {
        public static Bucket From(IConfiguration section, int permitsPerSecond, int burst) =>
            new(section.GetValue("PermitsPerSecond", permitsPerSecond), section.GetValue("Burst", burst));

        public RateLimitPartition<string> Partition(string key) => PermitsPerSecond <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(Burst, PermitsPerSecond),
                TokensPerPeriod = PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            });
    }
}
