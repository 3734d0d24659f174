using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Infrastructure.Postgres;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Audit.Feed;

public sealed record FeedItem(
    long Sequence, Guid StreamId, string? StreamType, long Version, string Type, DateTimeOffset RecordedAt, string? RecordedBy, object Data, string? RecordedByName = null);

public sealed record FeedPage(IReadOnlyList<FeedItem> Items, long Next);

public static class EventFeedEndpoint
{
    public const int MaxLimit = 1000;

    /// <summary>
    /// Events in global order after a cursor, read only up to the async daemon's high-water mark: the
    /// sequence below which every event has committed (a transaction that took sequence 41 but commits after
    /// 42 would otherwise be skipped by a reader that already moved past 42). Follow `next` until `items` is empty.
    /// </summary>
    [Query("after", typeof(long), "The cursor: events after this global sequence number (the previous page's next; 0 for the start).", Minimum = 0)]
    [Query("limit", typeof(int), "Events per page (default 100).", Minimum = 1, Maximum = MaxLimit)]
    [ProducesResponseType<FeedPage>(200)]
    [WolverineGet("/api/feed"), Authorize(Roles = Roles.Auditor + "," + Roles.Admin)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, DatabaseConnection database, StreamTypes streamTypes,
        CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var after = query.Long("after", 0, 0, long.MaxValue);
        var limit = query.Int("limit", 100, 1, MaxLimit);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var ceiling = await HighWaterMark(database, ct);
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= ceiling)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(ct);
        // Events read back carry no stream type (it is a column of mt_streams, not of mt_events).
        var types = await StoredStreamTypes(database, [.. events.Select(e => e.StreamId).Distinct()], ct);
        var items = events.Select(e => new FeedItem(e.Sequence, e.StreamId, streamTypes.Of(types.GetValueOrDefault(e.StreamId)), e.Version,
            e.EventTypeName, e.Timestamp, e.UserName, e.Data, RecordedByName.Of(e))).ToList();
        return Results.Ok(new FeedPage(items, items.Count == 0 ? after : items[^1].Sequence));
    }

    private static async Task<Dictionary<Guid, string?>> StoredStreamTypes(DatabaseConnection database, Guid[] streamIds, CancellationToken ct)
    {
        var types = new Dictionary<Guid, string?>();
        if (streamIds.Length == 0) return types;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select id, type from {MartenSetup.Schema}.mt_streams where id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", streamIds);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) types[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return types;
    }

    private static async Task<long> HighWaterMark(DatabaseConnection database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select last_seq_id from {MartenSetup.Schema}.mt_event_progression where name = 'HighWaterMark'", connection);
        return await command.ExecuteScalarAsync(ct) is long mark ? mark : 0;
    }
}
