namespace ProjectCases.WebConsole;

/// <summary>The console's text input for a business date: the browser checks the shape (pattern) before posting, the
/// server decides (month 13, a day that does not exist).</summary>
public static class BusinessDateInput
{
    /// <summary>YYYY-MM-DD, YYYY-MM or FYYYYY, as in the API (HTML anchors the pattern to the whole value).</summary>
    public const string Pattern = @"\d{4}-\d{2}(-\d{2})?|FY\d{4}";
}
