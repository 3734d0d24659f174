using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectCases.Infrastructure.Json;

/// <summary>
/// Enums travel as their names. An unknown name is refused with a message that lists the allowed
/// values (System.Text.Json's own message only names the .NET type), and numbers, in a JSON number
/// or in a string ("1", "+1", " 1"), are refused so that a client cannot send a value by position.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return EnumNames.TryParse<T>(text, out var value)
                ? value
                : throw new JsonException(EnumNames.NotAllowed<T>(text ?? JsonTokenText(ref reader)));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnumNames.TryParse<T>(reader.GetString(), out var value)
                ? value
                : throw new JsonException(EnumNames.NotAllowed<T>(reader.GetString()));

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());

        private static string JsonTokenText(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "a list",
            _ => reader.TokenType.ToString(),
        };
    }
}
