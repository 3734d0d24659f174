using System.Text.Json;
using System.Text.Json.Serialization;
using ProjectCases.Infrastructure.Validation;

namespace ProjectCases.Infrastructure.Json;

/// <summary>
/// Every string a client sends (fields, list items, dictionary keys) passes the TextRules, so that no
/// route can forget them. Writing is unchanged.
/// </summary>
public sealed class ClientTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Checked(Text(ref reader))
            : throw new JsonException("must be text (a JSON string).");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(Text(ref reader));

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    /// <summary>The reader refuses an escaped unpaired surrogate ("\ud800") with a message naming .NET types.</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("contains a broken character (an unpaired surrogate escape such as \\ud800).");
        }
    }

    private static string Checked(string text) => TextRules.Problem(text) is { } problem ? throw new JsonException(problem) : text;
}
