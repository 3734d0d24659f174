using System.Globalization;

namespace ProjectCases.Infrastructure.Validation;

/// <summary>
/// What a piece of text sent by a client may contain, for every string in a body and every query value:
/// no control characters other than tab, carriage return and line feed (PostgreSQL cannot store NUL at
/// all, and the others are never meant), no broken UTF-16, and, unless it is blank, at least one
/// visible character (a name made only of zero-width or direction-control characters looks empty), and at
/// most MaxLength characters.
/// Blank text (spaces only) is left to [Required], which refuses it where a value is needed.
/// </summary>
public static class TextRules
{
    /// <summary>No single text is longer than the longest field that declares a length (trouble details).</summary>
    public const int MaxLength = 20_000;

    /// <summary>Why the text is refused, or null when it is fine.</summary>
    public static string? Problem(string text)
    {
        if (text.Length > MaxLength) return $"is too long: at most {MaxLength} characters.";
        var blank = true;
        var visible = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                (blank, visible, i) = (false, true, i + 1);
                continue;
            }
            if (char.IsSurrogate(c)) return $"contains a broken character (unpaired surrogate U+{(int)c:X4}).";
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
                return $"must not contain control characters (found U+{(int)c:X4}); only tab, carriage return and line feed are allowed.";
            if (char.IsWhiteSpace(c)) continue;
            blank = false;
            visible |= !IsInvisible(c);
        }
        return blank || visible ? null : "must contain visible characters (it has only invisible, formatting or text-direction characters).";
    }

    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
        // Fillers that render as blank although Unicode classes them as letters or symbols.
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800';
}
