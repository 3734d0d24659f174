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

    /// <summary>
    /// `/health/live`: the process answers. `/health/ready`: the database answers, no event is dead-lettered and
    /// async projections are not stalled; the JSON body says which check failed and why (shard and sequence of a
    /// dead letter), for an operator or a probe's log. No token needed.
    /// </summary>
    public static WebApplication MapProjectCasesHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReport })
            .AllowAnonymous();
        return app;
    }

    private static Task WriteReport(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}

public sealed class DatabaseHealthCheck(DatabaseConnection database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await SelectOne(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The pooled connection may predate a database restart (only this check uses this pool, so nothing else
            // replaces it): the cluster test read "does not answer" from two nodes long after PostgreSQL was back.
            // Drop the pool's idle connections and ask once more on a new one.
            NpgsqlConnection.ClearPool(new NpgsqlConnection(database.ConnectionString));
        }
        try
        {
            await SelectOne(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }

    private async Task SelectOne(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select 1", connection);
        await command.ExecuteScalarAsync(ct);
    }
}
