using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace ProjectCases.Api.Tests.Hardening;

/// <summary>One hostile request body for a route, and the field its errors must name.</summary>
public sealed record HostileBody(string Description, string Body, string BlamedField);

/// <summary>
/// Generates hostile bodies for a request type from its JSON contract (the application's own options):
/// a plausible body with one field spoiled at a time (wrong types, nulls, control characters, invisible
/// text, huge values, numbers for enums, bad dates, null list items), unknown fields, and whole bodies
/// that are not the request at all (null, a list, deep nesting, broken JSON).
/// </summary>
public sealed class HostileBodies(JsonSerializerOptions options, Func<string, Guid> idFor)
{
    public const int AtLeast = 50;

    // A JsonNode cannot hold a lone surrogate (the writer substitutes U+FFFD), so the escape is put in the text afterwards.
    private const string LoneSurrogate = "LONE-SURROGATE-HERE";

    public IReadOnlyList<HostileBody> For(Type? requestType)
    {
        var bodies = new List<HostileBody>(WholeBodies());
        if (requestType is null)
        {
            bodies.RemoveAll(b => b.Body.Length == 0); // no body at all is right for a route that takes none
            var values = SpoiledValues(typeof(string), required: true).Concat(SpoiledValues(typeof(DateOnly), required: true)).ToList();
            for (var i = 0; bodies.Count < AtLeast + 4; i++)
                bodies.Add(new HostileBody($"a field for a route without fields #{i}",
                    new JsonObject { [$"note{i}"] = values[i % values.Count].Item2?.DeepClone() }.ToJsonString().Replace(LoneSurrogate, "A\\ud800B"), "$"));
            return bodies;
        }
        var info = options.GetTypeInfo(requestType);
        foreach (var (path, leaf, required) in Leaves(info, ""))
            foreach (var (description, value) in SpoiledValues(leaf, required))
                bodies.Add(new HostileBody($"{path}: {description}", Plausible(info, path, value), path));
        var unknown = new[] { "__proto__", "$type", "recordedBy", "version", "id", "isAdmin", "constructor", "extra" };
        for (var i = 0; bodies.Count < AtLeast + 8 || i < unknown.Length; i++)
        {
            var name = i < unknown.Length ? unknown[i] : $"unexpected{i}";
            bodies.Add(new HostileBody($"unknown field {name}", Plausible(info, name, JsonValue.Create("x")), name));
        }
        return bodies;
    }

    private static IEnumerable<HostileBody> WholeBodies() =>
    [
        new("null", "null", "$"),
        new("a list", "[]", "$"),
        new("a list of objects", "[{}]", "$"),
        new("a string", "\"hello\"", "$"),
        new("a number", "42", "$"),
        new("true", "true", "$"),
        new("broken JSON", "{\"a\":", "$"),
        new("a trailing comma", "{\"a\":1,}", "$"),
        new("deep nesting", new string('[', 200) + new string(']', 200), "$"),
        new("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), "$"),
        new("NUL outside a string", "{\u0000}", "$"),
        new("empty", "", "$"),
    ];

    /// <summary>Every leaf field (one level into nested objects), with whether it is required.</summary>
    private IEnumerable<(string Path, Type Type, bool Required)> Leaves(JsonTypeInfo info, string prefix)
    {
        foreach (var property in info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null))
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var required = property.AttributeProvider?.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), true) == true
                           || (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null);
            var child = options.GetTypeInfo(type);
            if (child.Kind == JsonTypeInfoKind.Object && prefix.Length == 0)
            {
                yield return (path, type, required);
                foreach (var leaf in Leaves(child, path)) yield return leaf;
            }
            else yield return (path, type, required);
        }
    }

    private IEnumerable<(string, JsonNode?)> SpoiledValues(Type type, bool required)
    {
        if (required) yield return ("null where required", null);
        yield return ("an object", new JsonObject { ["a"] = 1 });
        var kind = options.GetTypeInfo(type).Kind;
        if (kind == JsonTypeInfoKind.Enumerable)
        {
            yield return ("a string instead of a list", "x");
            var element = options.GetTypeInfo(type).ElementType!;
            if (!element.IsValueType) yield return ("a null item", new JsonArray(null, null));
            foreach (var (description, value) in SpoiledValues(element, required: false).Take(6)) yield return ($"item {description}", new JsonArray(value));
            yield break;
        }
        if (kind == JsonTypeInfoKind.Object || kind == JsonTypeInfoKind.Dictionary)
        {
            yield return ("a list", new JsonArray());
            yield return ("a number", 5);
            yield break;
        }
        yield return ("a list", new JsonArray("x"));
        if (type == typeof(string))
        {
            yield return ("a number", 5);
            yield return ("true", true);
            foreach (var c in new[] { '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f' })
                yield return ($"control character U+{(int)c:X4}", $"Sample{c}text");
            yield return ("only invisible characters", "\u202e\u200b");
            yield return ("only a byte-order mark and a joiner", "\ufeff\u200d");
            yield return ("an unpaired surrogate", LoneSurrogate); // written as the escape \ud800 below
            yield return ("a huge text", new string('x', 300_000));
        }
        else if (type.IsEnum)
        {
            foreach (var text in new[] { "+1", " 1", "1", "0", "-1", "1e0", "0x1", $" {Enum.GetNames(type)[0]}", $"{Enum.GetNames(type)[0]},{Enum.GetNames(type)[^1]}", "", "NotAValue" })
                yield return ($"'{text}'", text);
            yield return ("a number", 1);
            yield return ("true", true);
        }
        else if (type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(BusinessDate))
        {
            foreach (var text in new[] { "2024-13-01", "2024-02-30", "24-01-01", "2024/01/01", "01-05-2024", "yesterday", "", "2024-05-01\u0000" })
                yield return ($"'{text}'", text);
            if (type == typeof(BusinessDate))
                foreach (var text in new[] { "2024-13", "2024-5", "FY24", "fy2024", "FY 2024", "2024-00" })
                    yield return ($"'{text}'", text);
            yield return ("a number", 20240501);
            yield return ("true", true);
        }
        else if (type == typeof(Guid))
        {
            foreach (var text in new[] { "not-an-id", "", "00000000-0000-0000-0000-00000000000g", "1" })
                yield return ($"'{text}'", text);
            yield return ("a number", 12345);
        }
        else if (type == typeof(bool))
        {
            yield return ("a string", "true");
            yield return ("a number", 1);
        }
        else
        {
            yield return ("a number in a string", "12");
            yield return ("a huge number", JsonNode.Parse("1e400"));
            yield return ("a number past the decimal range", JsonNode.Parse("79228162514264337593543950336"));
            yield return ("true", true);
            yield return ("text", "lots");
            if (type == typeof(int) || type == typeof(long)) yield return ("a fraction", 1.5);
        }
    }

    /// <summary>A plausible body with <paramref name="path"/> set to <paramref name="value"/> (or added when unknown).</summary>
    private string Plausible(JsonTypeInfo info, string path, JsonNode? value)
    {
        var body = (JsonObject)Sample(info, "")!;
        var parts = path.Split('.');
        var target = parts.Length == 2 ? body[parts[0]] as JsonObject ?? new JsonObject() : body;
        if (parts.Length == 2) body[parts[0]] = target;
        target[parts[^1]] = value;
        return body.ToJsonString().Replace(LoneSurrogate, "A\\ud800B");
    }

    private JsonNode? Sample(JsonTypeInfo info, string name)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (info.Kind == JsonTypeInfoKind.Object)
        {
            var obj = new JsonObject();
            foreach (var property in info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null))
                obj[property.Name] = Sample(options.GetTypeInfo(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType), property.Name);
            return obj;
        }
        if (info.Kind == JsonTypeInfoKind.Enumerable) return new JsonArray(Sample(options.GetTypeInfo(info.ElementType!), name));
        if (info.Kind == JsonTypeInfoKind.Dictionary) return new JsonObject();
        if (type == typeof(string))
            return name switch { "country" => "VN", "currency" => "JPY", "email" => "sato@example.co.jp", _ => "Sample text" };
        if (type.IsEnum) return Enum.GetNames(type)[0];
        if (type == typeof(DateOnly) || type == typeof(BusinessDate)) return "2024-05-01";
        if (type == typeof(DateTimeOffset)) return "2024-05-01T09:00:00+09:00";
        if (type == typeof(Guid)) return idFor(name);
        if (type == typeof(bool)) return true;
        return 1;
    }
}
