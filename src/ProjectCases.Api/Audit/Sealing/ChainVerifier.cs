using Marten;

namespace ProjectCases.Audit.Sealing;

/// <summary>`valid`, or the first version whose stored event no longer matches its seal.</summary>
public sealed record ChainVerdict(bool Valid, long? BrokenAtVersion, long SealedThroughVersion, long Version);

/// <summary>Recomputes a stream's chain from mt_events as it is now and compares it with the seals.</summary>
public sealed class ChainVerifier(IDocumentStore store, StoredEvents stored)
{
    public async Task<ChainVerdict> VerifyAsync(Guid streamId, CancellationToken ct)
    {
        var events = await stored.OfStream(streamId, ct);
        await using var session = store.QuerySession();
        var seals = (await session.Query<EventSeal>().Where(s => s.StreamId == streamId).ToListAsync(ct)).ToDictionary(s => s.Version);
        var version = events.Count == 0 ? 0 : events[^1].Version;

        var previous = "";
        long sealedThrough = 0, expectedVersion = 1;
        foreach (var e in events)
        {
            if (e.Version != expectedVersion) return new ChainVerdict(false, expectedVersion, sealedThrough, version); // an event removed
            expectedVersion++;
            if (!seals.TryGetValue(e.Version, out var seal)) break; // not sealed yet: the tail is checked once the daemon reaches it
            if (seal.PreviousHash != previous || EventChain.Hash(previous, e.Type, e.StreamId, e.Version, e.Data) != seal.Hash)
                return new ChainVerdict(false, e.Version, sealedThrough, version);
            previous = seal.Hash;
            sealedThrough = e.Version;
        }
        var lostTail = seals.Keys.Where(v => v > version).DefaultIfEmpty().Min();
        return lostTail > 0 ? new ChainVerdict(false, lostTail, sealedThrough, version) : new ChainVerdict(true, null, sealedThrough, version);
    }
}
