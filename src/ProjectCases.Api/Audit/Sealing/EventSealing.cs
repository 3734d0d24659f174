using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace ProjectCases.Audit.Sealing;

/// <summary>
/// Seals every event into its stream's hash chain, after commit, in global sequence order (a Marten
/// subscription run by the async daemon's single leader, so there is no race between writers). It hashes
/// the data as PostgreSQL stores it, read back with SQL. An edit made in the moments between commit and
/// sealing would go unnoticed; any later edit is detected by ChainVerifier.
/// </summary>
public sealed class EventSealing : SubscriptionBase
{
    private readonly StoredEvents _stored;

    public EventSealing(StoredEvents stored)
    {
        _stored = stored;
        Name = "EventSealing";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        if (page.Events.Count == 0) return NullChangeListener.Instance;
        var stored = await _stored.BySequence([.. page.Events.Select(e => e.Sequence)], cancellationToken);
        var streamIds = stored.Select(e => e.StreamId).Distinct().ToArray();
        var heads = (await operations.LoadManyAsync<StreamSealHead>(cancellationToken, streamIds)).ToDictionary(h => h.Id);

        foreach (var e in stored)
        {
            // Loaded heads are tracked by the session: move them forward in place, never replace them.
            if (!heads.TryGetValue(e.StreamId, out var head)) heads[e.StreamId] = head = new StreamSealHead { Id = e.StreamId };
            var previous = head.Hash;
            var hash = EventChain.Hash(previous, e.Type, e.StreamId, e.Version, e.Data);
            operations.Store(new EventSeal { Id = e.Sequence, StreamId = e.StreamId, Version = e.Version, PreviousHash = previous, Hash = hash });
            (head.Version, head.Hash) = (e.Version, hash);
        }
        foreach (var head in heads.Values) operations.Store(head);
        return NullChangeListener.Instance;
    }
}
