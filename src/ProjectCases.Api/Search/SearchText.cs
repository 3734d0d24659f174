using System.Text;

namespace ProjectCases.Search;

/// <summary>
/// How text is matched: NFKC-normalised and lower-cased (full-width "ＡＢＣ" and half-width "ｶﾀｶﾅ" match their
/// usual forms), then cut into character bigrams. Japanese has no spaces between words, so bigrams make any
/// substring of two characters or more findable through a GIN index (docs/search.md).
/// </summary>
public static class SearchText
{
    public const int MinQueryLength = 2;

    public static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>
    /// The distinct bigrams of already normalised text, in ordinal order: the same text always gives the same array, so
    /// rewriting an entry whose text did not change leaves its indexed column as it was (RoomForUpdates).
    /// </summary>
    public static string[] Bigrams(string normalised)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < normalised.Length; i++) grams.Add(normalised.Substring(i, 2));
        var sorted = grams.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>A LIKE pattern matching the normalised query anywhere, with LIKE's wildcards escaped.</summary>
    public static string ContainsPattern(string normalisedQuery) =>
        "%" + normalisedQuery.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    /// <summary>Up to <paramref name="width"/> characters of the first text that contains the query, around the match.</summary>
    public static string Snippet(IEnumerable<string> texts, string normalisedQuery, int width = 120)
    {
        foreach (var text in texts)
        {
            var normalised = Normalise(text);
            var at = normalised.IndexOf(normalisedQuery, StringComparison.Ordinal);
            if (at < 0) continue;
            var start = Math.Max(0, Math.Min(at - width / 3, normalised.Length - width));
            var length = Math.Min(width, normalised.Length - start);
            return (start > 0 ? "…" : "") + normalised.Substring(start, length) + (start + length < normalised.Length ? "…" : "");
        }
        return "";
    }
}
