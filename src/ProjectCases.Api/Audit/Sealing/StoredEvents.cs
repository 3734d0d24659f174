using Npgsql;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Infrastructure.Postgres;

namespace ProjectCases.Audit.Sealing;

/// <summary>An event exactly as PostgreSQL holds it: what the chain hashes, read with plain SQL.</summary>
public sealed record StoredEvent(long Sequence, Guid StreamId, long Version, string Type, string Data);

public sealed class StoredEvents(DatabaseConnection database)
{
    private const string Columns = "seq_id, stream_id, version, type, data::text";

    public Task<List<StoredEvent>> BySequence(long[] sequences, CancellationToken ct) =>
        Read($"select {Columns} from {MartenSetup.Schema}.mt_events where seq_id = any(@keys) order by seq_id", sequences, ct);

    public Task<List<StoredEvent>> OfStream(Guid streamId, CancellationToken ct) =>
        Read($"select {Columns} from {MartenSetup.Schema}.mt_events where stream_id = @keys order by version", streamId, ct);

    public async Task<List<Guid>> AllStreamIds(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select id from {MartenSetup.Schema}.mt_streams order by id", connection);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task<List<StoredEvent>> Read(string sql, object keys, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("keys", keys);
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)));
        return events;
    }
}
