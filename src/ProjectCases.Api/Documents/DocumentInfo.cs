using JasperFx.Events;
using Marten.Events.Projections;

namespace ProjectCases.Documents;

/// <summary>A filed document as lists and downloads need it (one per DocumentAttached; the bytes are in the store).</summary>
public sealed class DocumentInfo
{
    public Guid Id { get; set; }
    public Guid StreamId { get; set; }
    public DocumentOwner Owner { get; set; }
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public bool Shared { get; set; }
    public long? FactVersion { get; set; }
    /// <summary>The version of the DocumentAttached event on its stream: where the history shows it.</summary>
    public long Version { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Inline, so that the uploader can list and download the document as soon as the upload answers.</summary>
public sealed class DocumentInfoProjection : MultiStreamProjection<DocumentInfo, Guid>
{
    public DocumentInfoProjection() => Identity<DocumentAttached>(e => e.DocumentId);

    public override DocumentInfo? Evolve(DocumentInfo? snapshot, Guid id, IEvent e) => e.Data is DocumentAttached x
        ? new DocumentInfo
        {
            Id = x.DocumentId, StreamId = x.StreamId, Owner = x.Owner, Title = x.Title, FileName = x.FileName, ContentType = x.ContentType,
            Size = x.Size, Sha256 = x.Sha256, Shared = x.Shared, FactVersion = x.FactVersion, Version = e.Version, UploadedBy = x.UploadedBy,
            UploadedAt = x.At,
        }
        : snapshot;
}
