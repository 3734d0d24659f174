namespace ProjectCases.Documents;

/// <summary>The kind of stream a document is filed on.</summary>
public enum DocumentOwner
{
    Project,
    Trouble,
}

/// <summary>
/// A file was filed on a project or a trouble case (appended to that stream, so the stream's hash chain seals the
/// file's SHA-256 and size: changing the stored bytes later no longer matches this fact, and changing this fact breaks
/// the chain). <see cref="FactVersion"/> names the touchpoint or agreement on a project stream it belongs to, if any.
/// <see cref="Shared"/>: the reporting company may read it (trouble cases only).
/// </summary>
public sealed record DocumentAttached(
    Guid StreamId, Guid DocumentId, DocumentOwner Owner, string Title, string FileName, string ContentType, long Size, string Sha256,
    bool Shared, long? FactVersion, string UploadedBy, DateTimeOffset At);
