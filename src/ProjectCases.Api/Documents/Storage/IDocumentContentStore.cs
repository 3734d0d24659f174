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
    /// Stores <paramref name="content"/>, read to its end in pieces (never held whole), under <paramref name="documentId"/>,
    /// all or nothing: an exception thrown by <paramref name="content"/> (too large, wrong bytes) leaves nothing stored.
    /// The bytes are stored before the DocumentAttached event is appended; bytes without an event are never served.
    /// </summary>
    Task SaveAsync(Guid documentId, Stream content, CancellationToken ct);

    /// <summary>Removes what <see cref="SaveAsync"/> stored for an upload that was then refused.</summary>
    Task DiscardAsync(Guid documentId, CancellationToken ct);

    /// <summary>Writes the stored bytes to <paramref name="destination"/> in pieces; false when nothing is stored under the id.</summary>
    Task<bool> CopyToAsync(Guid documentId, Stream destination, CancellationToken ct);
}
