using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectCases.Infrastructure.Json;

/// <summary>
/// Enums travel as their names. An unknown name is refused with a message that lists the allowed
/// values (System.Text.Json's own message only names the .NET type), and numbers are refused so
/// that a client cannot send a value by position.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly string Allowed = string.Join(", ", Enum.GetNames<T>());

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && !char.IsDigit(text.FirstOrDefault()) && !text.Contains(',')
                && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                return value;
            }
            throw new JsonException($"'{text ?? reader.TokenType.ToString()}' is not an allowed value. Allowed values: {Allowed}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
