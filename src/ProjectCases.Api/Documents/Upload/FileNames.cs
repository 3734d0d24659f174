using System.Text;

namespace ProjectCases.Documents.Upload;

/// <summary>
/// The name a file is kept and offered for download under: the last path segment only (no directories, whichever
/// separator the client used), without control characters, lone surrogates or characters Windows forbids, at most
/// <see cref="MaxLength"/> characters (keeping the extension), never empty or dots only. It is only a label: storage is
/// keyed by the document id, so no name can reach a path.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 150;
    private static readonly char[] Forbidden = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    public static string Sanitise(string? raw, AcceptedType type)
    {
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(Math.Min(name.Length, 4 * MaxLength));
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune == Rune.ReplacementChar || rune.IsBmp && Forbidden.Contains((char)rune.Value)) continue;
            kept.Append(rune.ToString());
        }
        name = kept.ToString().Normalize(NormalizationForm.FormC).Trim().Trim('.').Trim();
        if (name.Length == 0) name = "document" + type.Extensions[0];
        if (name.Length <= MaxLength) return name;
        var extension = Path.GetExtension(name) is { Length: <= 10 } e ? e : "";
        var stem = name[..(MaxLength - extension.Length)];
        if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1]; // never cut a character in half
        return stem.TrimEnd() + extension;
    }
}
