using System.Text;
using ProjectCases.Search;

namespace ProjectCases.Organisations;

/// <summary>
/// How two names are found to be the same organisation: NFKC and lower case (the search normaliser, so "ＪＩＣＡ"
/// is "jica" and half-width kana are their usual forms) and no whitespace at all (Japanese names are written with
/// or without a space between words: "国土 交通省" is "国土交通省").
/// </summary>
public static class OrganisationNames
{
    public static string Normalise(string name)
    {
        var text = SearchText.Normalise(name);
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) kept.Append(c);
        return kept.ToString();
    }

    /// <summary>The normalised forms of a name pair (the Japanese one when given), to compare with both of another's.</summary>
    public static string[] Keys(string name, string? nameJa) =>
        [.. new[] { name, nameJa }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Normalise(n!)).Distinct()];
}
