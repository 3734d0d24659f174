using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProjectCases.Audit.Sealing;

/// <summary>
/// The tamper-evidence hash of one event, chained to the previous event of its stream:
/// <code>hash(n) = hex(SHA-256(UTF-8(hash(n-1) + "\n" + type + "\n" + streamId + "\n" + version + "\n" + canonical(data))))</code>
/// with hash(0) = "" (empty), `type` the stored event name (mt_events.type), `streamId` in the "D" format,
/// `version` in decimal, and canonical(data) the stored JSON with object keys sorted (ordinal), no
/// insignificant whitespace, strings escaped minimally. Changing any event's data, type or version, or
/// removing or reordering events, breaks the chain from that version on.
/// </summary>
public static class EventChain
{
    public static string Hash(string previousHash, string type, Guid streamId, long version, string storedJson)
    {
        var input = $"{previousHash}\n{type}\n{streamId:D}\n{version}\n{Canonical(storedJson)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
    }

    public static string Canonical(string json)
    {
        var node = JsonNode.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, node);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
