using JasperFx.Events;

namespace ProjectCases.Infrastructure.Marten;

public static class StreamVersions
{
    /// <summary>
    /// The version an inline write model takes from <paramref name="e"/>. An event appended without an expected version
    /// (Events.Append outside FetchForWriting, e.g. the follow-up rules, or the legacy trouble copies) reaches inline
    /// projections with Version 0 under Marten's quick append; it is still the stream's next event, so the model counts
    /// on from its own version. A model folded from stored events (rebuild, AggregateStream) always sees real versions.
    /// </summary>
    public static long Next(IEvent e, long? previous) => e.Version > 0 ? e.Version : (previous ?? 0) + 1;
}
