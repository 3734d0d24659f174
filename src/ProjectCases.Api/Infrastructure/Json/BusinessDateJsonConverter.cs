using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectCases;

/// <summary>
/// A <see cref="BusinessDate"/> as its text, both ways, for request bodies, responses and stored events alike
/// (attached to the type, so Marten's serializer uses it too). The refusal speaks the client's terms: the
/// body inspector passes it on under the field's name.
/// </summary>
public sealed class BusinessDateJsonConverter : JsonConverter<BusinessDate>
{
    public override BusinessDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"must be {BusinessDate.Forms}.");
        var text = reader.GetString();
        return BusinessDate.TryParse(text, out var date)
            ? date
            : throw new JsonException($"'{text}' is not a business date: it must be {BusinessDate.Forms}.");
    }

    public override void Write(Utf8JsonWriter writer, BusinessDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
