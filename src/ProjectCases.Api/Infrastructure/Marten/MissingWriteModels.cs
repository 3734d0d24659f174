using Marten;
using SessionOptions = Marten.Services.SessionOptions;

namespace ProjectCases.Infrastructure.Marten;

/// <summary>
/// One stream type's write model, stored inline beside its read model (<typeparamref name="TRead"/>, which every
/// stream of the type has). A database written before the write models were stored (issue 15 and earlier: they were
/// folded live) has streams without one, and Marten's FetchForWriting of an inline model would answer those
/// streams as missing (404). <see cref="FillAsync"/> folds and stores exactly those, once.
/// </summary>
public interface IMissingWriteModels
{
    string Name { get; }

    /// <summary>Stores the write model of every stream that has the read model but not the write model; returns how many.</summary>
    Task<int> FillAsync(IDocumentStore store, CancellationToken ct);
}

public sealed class MissingWriteModels<TRead, TWrite> : IMissingWriteModels where TWrite : class
{
    private const int Chunk = 500;

    public string Name => typeof(TWrite).Name;

    public async Task<int> FillAsync(IDocumentStore store, CancellationToken ct)
    {
        var read = store.Options.FindOrResolveDocumentType(typeof(TRead)).TableName.QualifiedName;
        var write = store.Options.FindOrResolveDocumentType(typeof(TWrite)).TableName.QualifiedName;
        var streams = $"{store.Options.Events.DatabaseSchemaName}.mt_streams";
        var filled = 0;
        var after = Guid.Empty;
        while (true)
        {
            // In one transaction with the streams' rows locked: an append to one of them waits until its model is
            // stored, so no model is folded from a stream that moves before it is written. (The transaction is
            // Npgsql's: Marten 9.59's BeginTransactionAsync fails on sticky connections with connection tracing.)
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: true));
            var ids = await session.QueryAsync<Guid>(
                $"select s.id from {streams} s join {read} r on r.id = s.id where s.id > ? and not exists (select 1 from {write} w where w.id = s.id) order by s.id limit {Chunk} for update of s",
                ct, after);
            if (ids.Count == 0) return filled;
            foreach (var id in ids)
            {
                if (await session.Events.AggregateStreamAsync<TWrite>(id, token: ct) is not { } model) continue;
                session.Store(model);
                filled++;
            }
            await session.SaveChangesAsync(ct);
            after = ids[^1];
        }
    }
}

/// <summary>
/// At startup, after Marten has applied the schema and before the service takes requests or messages (it is
/// registered before them): stores the write models an older database lacks (<see cref="IMissingWriteModels"/>).
/// On a current database it is one indexed query per stream type. Safe on several nodes at once: each stream's row
/// is locked while its model is written, and a node that finds it written moves on.
/// </summary>
public sealed class StoreMissingWriteModels(IDocumentStore store, IEnumerable<IMissingWriteModels> writeModels,
    ILogger<StoreMissingWriteModels> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in writeModels)
        {
            var filled = await kind.FillAsync(store, cancellationToken);
            if (filled > 0) logger.LogInformation("Stored {Count} {WriteModel} documents for streams written before write models were stored.", filled, kind.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
