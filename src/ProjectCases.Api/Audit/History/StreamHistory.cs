using JasperFx.Events;
using Marten;
using ProjectCases.Infrastructure.Http;

namespace ProjectCases.Audit.History;

/// <summary>One recorded fact, with who recorded it, when, and in which request.</summary>
public sealed record HistoryItem(
    long Sequence, long Version, string Type, DateTimeOffset RecordedAt, string? RecordedBy, string? CorrelationId,
    string? CausationId, object Data, string? RecordedByName = null);

/// <summary>Any stream's events in version order, paged (so long streams stay cheap to read).</summary>
public static class StreamHistory
{
    public static async Task<ListPage<HistoryItem>> ReadAsync(IQuerySession session, Guid streamId, int page, int pageSize, CancellationToken ct)
    {
        // Versions run 1..N without gaps, so the stream's version is the total and a page is a version range.
        var total = (await session.Events.FetchStreamStateAsync(streamId, ct))?.Version ?? 0;
        long from = (long)(page - 1) * pageSize + 1, to = from + pageSize - 1;
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId && e.Version >= from && e.Version <= to)
            .OrderBy(e => e.Version)
            .ToListAsync(ct);
        return new ListPage<HistoryItem>([.. events.Select(ToItem)], page, pageSize, total);
    }

    public static HistoryItem ToItem(IEvent e) =>
        new(e.Sequence, e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.CorrelationId, e.CausationId, e.Data, RecordedByName.Of(e));
}
