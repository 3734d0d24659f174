namespace ProjectCases.Infrastructure.Json;

/// <summary>What a JSON value of a given .NET type must look like, said without .NET type names.</summary>
public static class JsonExpectations
{
    /// <summary>Types whose converters already throw client-worded messages (ClientTextConverter, StrictEnumConverterFactory).</summary>
    public static bool SpeaksClient(Type type) =>
        type == typeof(string) || (Nullable.GetUnderlyingType(type) ?? type) is var t && (t.IsEnum || t == typeof(BusinessDate));

    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return $"must be one of: {string.Join(", ", Enum.GetNames(type))}.";
        if (type == typeof(string)) return "must be text (a JSON string).";
        if (type == typeof(bool)) return "must be true or false.";
        if (type == typeof(int)) return $"must be a whole number from {int.MinValue} to {int.MaxValue}.";
        if (type == typeof(long)) return $"must be a whole number from {long.MinValue} to {long.MaxValue}.";
        if (type == typeof(short) || type == typeof(byte)) return "must be a small whole number.";
        if (type == typeof(decimal)) return "must be a number (at most 28 significant digits, below 7.9e28).";
        if (type == typeof(double) || type == typeof(float)) return "must be a number.";
        if (type == typeof(BusinessDate)) return $"must be {BusinessDate.Forms}.";
        if (type == typeof(DateOnly)) return "must be a date in the form YYYY-MM-DD (e.g. 2025-04-01).";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return "must be a date and time in ISO 8601 form with an offset (e.g. 2025-04-01T09:30:00+09:00).";
        if (type == typeof(TimeOnly)) return "must be a time of day in the form HH:MM or HH:MM:SS.";
        if (type == typeof(Guid)) return "must be an id (a UUID such as 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b).";
        if (type.IsArray || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
            return "must be a list.";
        return "must be a JSON object.";
    }
}
