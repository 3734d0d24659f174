using JasperFx.Events.Daemon;
using Marten;

namespace ProjectCases.Infrastructure.Marten;

/// <summary>
/// Events the async daemon skipped as poisoned (mt_doc_deadletterevent), and their replay once the cause is
/// fixed: a subscription is rewound to just before its earliest dead letter (the follow-up rules are
/// idempotent, so the events after it are handled again without effect); a projection is rebuilt (its folds
/// are not idempotent). Marten deletes the replayed shard's dead letters as it rewinds or rebuilds; an event
/// that fails again is dead-lettered again. The hash chain's EventSealing never dead-letters (it pauses
/// instead: a skipped seal would break the chain), so it never needs this.
/// </summary>
public static class DeadLetters
{
    public static async Task<IReadOnlyList<DeadLetterEvent>> ListAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<DeadLetterEvent>().OrderBy(d => d.EventSequence).ToListAsync(ct);
    }

    /// <summary>Run with the daemon's coordinator paused (a running agent would race the rewind or rebuild). Returns what was done, one line per shard.</summary>
    public static async Task<IReadOnlyList<string>> ReplayAsync(IDocumentStore store, IProjectionDaemon daemon, CancellationToken ct)
    {
        var done = new List<string>();
        var projections = ((DocumentStore)store).Options.Projections;
        foreach (var shard in (await ListAsync(store, ct)).GroupBy(d => d.ProjectionName))
        {
            if (projections.TryFindProjection(shard.Key, out _))
            {
                await daemon.RebuildProjectionAsync(shard.Key, ct);
                done.Add($"{shard.Key}: rebuilt ({shard.Count()} dead-lettered event(s))");
            }
            else
            {
                var floor = shard.Min(d => d.EventSequence) - 1;
                await daemon.RewindSubscriptionAsync(shard.Key, ct, sequenceFloor: floor);
                done.Add($"{shard.Key}: rewound to sequence {floor} ({shard.Count()} dead-lettered event(s))");
            }
        }
        return done;
    }
}
