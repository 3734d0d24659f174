using Marten;
using Marten.Services;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Adds the request's Idempotency-Key record to the first transaction of the request that changes
/// anything, so the record exists exactly when the write does: a crash or a lost database before the
/// commit leaves no trace (the retry performs the write), one after it leaves the record (the retry learns
/// the write happened). Inserted, not upserted: a concurrent request with the same key loses at commit,
/// with its events, and so the write happens once.
/// </summary>
public sealed class IdempotencyCommitListener(IHttpContextAccessor http, TimeProvider clock) : DocumentSessionListenerBase
{
    private const string PendingItem = "idempotency-pending";

    public sealed class Pending(string id, string requestHash)
    {
        public string Id { get; } = id;
        public string RequestHash { get; } = requestHash;
        public bool Written { get; set; }
    }

    public static void Expect(HttpContext context, Pending pending) => context.Items[PendingItem] = pending;

    public static Pending? For(HttpContext context) => context.Items.TryGetValue(PendingItem, out var item) ? item as Pending : null;

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (http.HttpContext is not { } context || For(context) is not { Written: false } pending) return Task.CompletedTask;
        var streams = session.PendingChanges.Streams().Select(s => s.Id).Distinct().ToArray();
        if (streams.Length == 0 && !session.PendingChanges.Operations().Any()) return Task.CompletedTask;

        var now = clock.GetUtcNow();
        session.Insert(new IdempotencyRecord
        {
            Id = pending.Id, RequestHash = pending.RequestHash, Committed = true, CommittedAt = now, Streams = streams, CreatedAt = now,
        });
        pending.Written = true;
        return Task.CompletedTask;
    }
}
