using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Marten;

namespace ProjectCases.Infrastructure.Decisions;

/// <summary>The outcome of an in-process write: the new version, or the problem (404, 409, 412, 422) an HTTP caller would get.</summary>
public sealed record WriteOutcome(long? Version, ProblemDetails? Problem)
{
    public bool Accepted => Problem is null;
}

/// <summary>
/// The seam for callers inside the process that do not go through HTTP (the web console): the same write
/// models, the same pure decisions and the same preconditions as the endpoints, in one Marten session whose
/// messages go through Wolverine's Marten outbox (committed with the events). A write that lands between
/// the fetch and the commit throws Marten's ConcurrencyException, as on the HTTP path. See docs/architecture.md.
/// </summary>
public sealed class InProcessWrites(IDocumentStore store, IMartenOutbox outbox)
{
    /// <summary>When set, every session joins this transaction and SaveChanges does not commit (see <see cref="InTransaction"/>).</summary>
    private Npgsql.NpgsqlTransaction? _transaction;

    /// <summary>
    /// The same writes inside the caller's transaction, which the caller commits or rolls back (a bulk import: many rows
    /// per commit, or a dry run rolled back as a whole, where later rows see the earlier rows' writes). Such a write
    /// may not send messages: Wolverine's outbox flushes after SaveChanges, which is not the commit here.
    /// </summary>
    public InProcessWrites InTransaction(Npgsql.NpgsqlTransaction transaction) => new(store, outbox) { _transaction = transaction };

    /// <summary>Decides <paramref name="decide"/> on stream <paramref name="id"/> as <paramref name="user"/>, checking <paramref name="expectedVersion"/> when given.</summary>
    public Task<WriteOutcome> ExecuteAsync<TModel>(Guid id, long? expectedVersion, ClaimsPrincipal user, Func<TModel, Decision> decide,
        CancellationToken ct) where TModel : class, IWriteModel<TModel> =>
        ExecuteAsync<TModel>(id, expectedVersion, user, (_, model, _) => Task.FromResult(decide(model)), ct);

    /// <summary>
    /// As above, for a decision that needs the session: it may fetch other streams for writing and append to them
    /// (a touchpoint logged for several projects), all committed with this stream's events or not at all.
    /// </summary>
    public async Task<WriteOutcome> ExecuteAsync<TModel>(Guid id, long? expectedVersion, ClaimsPrincipal user,
        Func<IDocumentSession, TModel, CancellationToken, Task<Decision>> decide, CancellationToken ct) where TModel : class, IWriteModel<TModel>
    {
        await using var session = Open(user);
        var stream = await session.Events.FetchForWriting<TModel>(id, ct);
        if (WritePrecondition.Check(stream.Aggregate, id, user, expectedVersion) is { } problem) return new WriteOutcome(null, problem);
        var decision = await decide(session, stream.Aggregate!, ct);
        if (decision.Refusal is { } refusal) return new WriteOutcome(null, refusal.ToProblem());
        stream.AppendMany(decision.Events);
        return await CommitAsync(session, decision, stream.Aggregate!.Version + decision.Events.Count, ct);
    }

    /// <summary>Starts stream <paramref name="id"/> (marked as <typeparamref name="TStream"/>) with an accepted decision's events.</summary>
    public async Task<WriteOutcome> StartAsync<TStream>(Guid id, ClaimsPrincipal user, Decision decision, CancellationToken ct) where TStream : class
    {
        if (decision.Refusal is { } refusal) return new WriteOutcome(null, refusal.ToProblem());
        await using var session = Open(user);
        session.Events.StartStream<TStream>(id, decision.Events);
        return await CommitAsync(session, decision, decision.Events.Count, ct);
    }

    /// <summary>
    /// Starts stream <paramref name="id"/> with the events of a decision that needs the session: it may fetch other
    /// streams for writing and append to them (an engagement linked to projects), all committed with the new stream or not at all.
    /// </summary>
    public async Task<WriteOutcome> StartAsync<TStream>(Guid id, ClaimsPrincipal user, Func<IDocumentSession, CancellationToken, Task<Decision>> decide,
        CancellationToken ct) where TStream : class
    {
        await using var session = Open(user);
        var decision = await decide(session, ct);
        if (decision.Refusal is { } refusal) return new WriteOutcome(null, refusal.ToProblem());
        session.Events.StartStream<TStream>(id, decision.Events);
        return await CommitAsync(session, decision, decision.Events.Count, ct);
    }

    /// <summary>
    /// A session in the caller's transaction (<see cref="InTransaction"/>) for many writes saved together (a bulk import's batch,
    /// ImportBatch): the same user name on the events, and the same rule that such writes send no messages (<see cref="RefuseMessages"/>).
    /// </summary>
    public IDocumentSession OpenInTransaction(ClaimsPrincipal user) =>
        _transaction is null ? throw new InvalidOperationException("Only inside the caller's transaction (InTransaction).") : Open(user);

    /// <summary>Wolverine's outbox flushes after SaveChanges, which is not the commit inside the caller's transaction: its messages would leave before (or without) the events.</summary>
    public static void RefuseMessages(Decision decision)
    {
        if (decision.Messages.Count > 0)
            throw new InvalidOperationException("A write inside the caller's transaction cannot send messages through the outbox.");
    }

    private IDocumentSession Open(ClaimsPrincipal user)
    {
        var session = _transaction is null ? store.LightweightSession() : store.LightweightSession(global::Marten.Services.SessionOptions.ForTransaction(_transaction));
        session.LastModifiedBy = user.Identity?.Name; // the events' user name, as Wolverine relays it for HTTP
        if (_transaction is null) outbox.Enroll(session);
        return session;
    }

    private async Task<WriteOutcome> CommitAsync(IDocumentSession session, Decision decision, long version, CancellationToken ct)
    {
        if (_transaction is not null) RefuseMessages(decision);
        // Scheduled messages (ScheduledAt) send themselves with their delivery time; others are published.
        foreach (var message in decision.Messages)
        {
            if (message is ISendMyself self)
                await self.ApplyAsync(outbox as IMessageContext ?? throw new InvalidOperationException("Wolverine's Marten outbox is expected to be a message context."));
            else await outbox.PublishAsync(message);
        }
        await session.SaveChangesAsync(ct);
        return new WriteOutcome(version, null);
    }
}
