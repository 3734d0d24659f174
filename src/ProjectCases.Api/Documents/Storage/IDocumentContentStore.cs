using Marten;

namespace ProjectCases.Documents.Storage;

/// <summary>
/// Where the bytes of documents live: the one seam between the documents feature and its storage. PostgreSQL
/// (<see cref="PostgresDocumentContentStore"/>) is the default and the tested one; an S3-compatible store fits behind
/// the same calls (docs/operations.md, "Documents"). Metadata, hash and access rules never live here: they are
/// the DocumentAttached event and its read model.
/// </summary>
public interface IDocumentContentStore
{
    /// <summary>
    /// Stores <paramref name="content"/>, read to its end in pieces (never held whole), under <paramref name="documentId"/>.
    /// <paramref name="session"/> is the write's Marten session: a store in the same database writes inside its
    /// transaction, so the bytes commit with the event or not at all. Exceptions thrown by <paramref name="content"/>
    /// (too large, wrong bytes) propagate; the caller then commits nothing.
    /// </summary>
    Task SaveAsync(IDocumentSession session, Guid documentId, Stream content, CancellationToken ct);

    /// <summary>Removes what <see cref="SaveAsync"/> stored for an upload that was then refused (in the same session).</summary>
    Task DiscardAsync(IDocumentSession session, Guid documentId, CancellationToken ct);

    /// <summary>Writes the stored bytes to <paramref name="destination"/> in pieces; false when nothing is stored under the id.</summary>
    Task<bool> CopyToAsync(Guid documentId, Stream destination, CancellationToken ct);
}
