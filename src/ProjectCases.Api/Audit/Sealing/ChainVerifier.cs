using Marten;

namespace ProjectCases.Audit.Sealing;

/// <summary>
/// `valid`, or the first version whose stored event no longer matches its seal, or whose document's stored bytes no
/// longer match the SHA-256 its DocumentAttached event recorded (then <see cref="BrokenDocumentId"/> names it).
/// </summary>
public sealed record ChainVerdict(bool Valid, long? BrokenAtVersion, long SealedThroughVersion, long Version, Guid? BrokenDocumentId = null);

/// <summary>
/// Recomputes a stream's chain from mt_events as it is now and compares it with the seals; then hashes the stored bytes
/// of every sealed document again (DocumentContentCheck): the seal covers the recorded hash, the recorded hash covers the bytes.
/// </summary>
public sealed class ChainVerifier(IDocumentStore store, StoredEvents stored, DocumentContentCheck documents)
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
        if (lostTail > 0) return new ChainVerdict(false, lostTail, sealedThrough, version);
        if (await documents.FirstMismatchAsync(events.Where(e => e.Version <= sealedThrough), ct) is { } tampered)
            return new ChainVerdict(false, tampered.Version, sealedThrough, version, tampered.DocumentId);
        return new ChainVerdict(true, null, sealedThrough, version);
    }
}
