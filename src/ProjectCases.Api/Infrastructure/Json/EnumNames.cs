namespace ProjectCases.Infrastructure.Json;

/// <summary>
/// Enum values as clients send them: by name only. Enum.TryParse also takes numbers ("1", "+1", " 1"),
/// padded names and comma lists ("Rail, Road"), which would store a value the client never named.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var name in Names<T>.All)
        {
            if (!string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) continue;
            value = Enum.Parse<T>(name);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>"Rail, Road, Bridge, ..." for messages that say what is allowed.</summary>
    public static string Allowed<T>() where T : struct, Enum => Names<T>.List;

    public static string NotAllowed<T>(string? text) where T : struct, Enum =>
        $"'{text}' is not an allowed value. Allowed values: {Allowed<T>()}.";

    private static class Names<T> where T : struct, Enum
    {
        public static readonly string[] All = Enum.GetNames<T>();
        public static readonly string List = string.Join(", ", All);
    }
}
