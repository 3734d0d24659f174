using JasperFx.Events;
using Marten;

namespace ProjectCases.Projects.Corrections;

/// <summary>Reads a project stream as the corrected view, for the projections that fold it again after a correction.</summary>
public static class CorrectedStream
{
    /// <summary>The events up to <paramref name="e"/> (read back from the store), with it: what a refold walks in order.</summary>
    public static async Task<IReadOnlyList<IEvent>> UpToAsync(IQuerySession session, Guid id, IEvent e, CancellationToken ct)
    {
        var earlier = await session.Events.FetchStreamAsync(id, version: e.Version - 1, token: ct);
        return [.. earlier.Where(x => x.Version < e.Version), e];
    }

    /// <summary>The whole stream as the corrected view (what a correction decides on).</summary>
    public static async Task<ProjectRecord> ReadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return ProjectRecord.Of(id, events.Select(e => (e.Version, e.Data)));
    }
}
