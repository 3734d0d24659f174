using System.Reflection;
using System.Text.Json;
using Marten;
using Npgsql;
using ProjectCases.Infrastructure.Json;

namespace ProjectCases.Projects.Status;

/// <summary>
/// At startup: removes from stored projects the properties filled per read ([NotStored] on ProjectStatus), which a
/// database written before 2026-12-01 still holds with their stale defaults; StoredProjectJson appends the current ones,
/// and must not give a key twice. On a current database it changes nothing (one scan of the project table).
/// </summary>
public sealed class StoredProjectsWithoutReadTimeFields(IDocumentStore store, ILogger<StoredProjectsWithoutReadTimeFields> logger) : IHostedService
{
    /// <summary>The stored (camelCase) names of the read-time properties.</summary>
    public static readonly string[] Names = [.. typeof(ProjectStatus).GetProperties()
        .Where(p => p.IsDefined(typeof(NotStoredAttribute))).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(ProjectStatus)).TableName.QualifiedName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"update {table} set data = data - $1 where data ?| $1", connection) { Parameters = { new() { Value = Names } } };
        var cleaned = await command.ExecuteNonQueryAsync(cancellationToken);
        if (cleaned > 0) logger.LogInformation("Removed the per-read fields ({Fields}) from {Count} stored projects written by an earlier version.", string.Join(", ", Names), cleaned);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
