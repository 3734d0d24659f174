namespace ProjectCases.Documents.Upload;

/// <summary>
/// The file types a document may have, each with how its bytes are recognised (magic numbers; plain text has none, so
/// it must be UTF-8 without NUL or other control characters, checked over the whole file as it streams). A declared type
/// outside this list, or bytes that are not what the type says, is refused with 415 (docs/api.md, "Documents").
/// </summary>
public sealed record AcceptedType(string MediaType, string[] Extensions, byte[] Magic)
{
    public bool IsText => Magic.Length == 0;

    public bool Matches(ReadOnlySpan<byte> head) => IsText ? !head.Contains((byte)0) : head.StartsWith(Magic);

    public static readonly IReadOnlyList<AcceptedType> All =
    [
        new("application/pdf", [".pdf"], "%PDF-"u8.ToArray()),
        new("image/png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("image/jpeg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        // Office Open XML files are zip archives: the zip signature is what the bytes can show without unpacking.
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], "PK\x03\x04"u8.ToArray()),
        new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], "PK\x03\x04"u8.ToArray()),
        new("text/plain", [".txt"], []),
    ];

    /// <summary>The most bytes any recognition needs to see.</summary>
    public static readonly int HeadBytes = All.Max(t => t.Magic.Length);

    public static string List => string.Join(", ", All.Select(t => t.MediaType));

    /// <summary>
    /// The type the client declared: the part's Content-Type, or, when that says nothing (absent or
    /// application/octet-stream, what many clients send), the file name's extension. Null when it is none of ours.
    /// </summary>
    public static AcceptedType? Declared(string? partContentType, string fileName)
    {
        var media = partContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(media) && media != "application/octet-stream") return All.FirstOrDefault(t => t.MediaType == media);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return All.FirstOrDefault(t => t.Extensions.Contains(extension));
    }
}
