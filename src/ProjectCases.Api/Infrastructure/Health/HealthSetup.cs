using Npgsql;
using ProjectCases.Infrastructure.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectCases.Infrastructure.Health;

public static class HealthSetup
{
    public static IServiceCollection AddProjectCasesHealth(this IServiceCollection services)
    {
        services.AddSingleton<ProjectionsHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ProjectionsHealthCheck>("projections", tags: ["ready"]);
        return services;
    }

    /// <summary>`/health/live`: the process answers. `/health/ready`: the database answers and async projections are not stalled. No token needed.</summary>
    public static WebApplication MapProjectCasesHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}

public sealed class DatabaseHealthCheck(DatabaseConnection database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
