using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ProjectCases.Infrastructure.Json;

/// <summary>
/// Explains why a body could not be read as the request type: walks the JSON against the type's JSON
/// contract and names every field that is wrong, by its JSON path as the client wrote it
/// ("reporter.email", "parties[2]"), with what is allowed. System.Text.Json stops at the first problem
/// and describes it in .NET type names; this reports them all, in the client's terms. Fields whose
/// value is readable are also checked against their validation attributes, so one answer lists every
/// problem. Runs only for bodies that failed to deserialize.
/// </summary>
public sealed class JsonBodyInspector(JsonSerializerOptions options, IServiceProvider services)
{
    public const string Root = "$";

    private readonly List<(string Field, string Message)> _errors = [];

    public IReadOnlyList<(string Field, string Message)> Inspect(JsonElement body, Type type)
    {
        if (body.ValueKind == JsonValueKind.Null) _errors.Add((Root, "The body must be a JSON object with the request's fields, not null."));
        else Value(body, type, "");
        return _errors;
    }

    /// <summary>True when <paramref name="element"/> reads as <paramref name="type"/>; otherwise records why.</summary>
    private bool Value(JsonElement element, Type type, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (element.ValueKind == JsonValueKind.Null)
        {
            // A missing reference is left to [Required]; a value type cannot be null at all.
            if (underlying is not null || !type.IsValueType) return true;
            return Fail(path, $"must not be null: it {JsonExpectations.Describe(type)}");
        }
        var info = options.GetTypeInfo(underlying ?? type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => Object(element, info, path),
            JsonTypeInfoKind.Enumerable => List(element, info, path),
            JsonTypeInfoKind.Dictionary => Dictionary(element, info, path),
            _ => Leaf(element, info, path),
        };
    }

    private bool Object(JsonElement element, JsonTypeInfo info, string path)
    {
        var known = info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).ToList();
        if (element.ValueKind != JsonValueKind.Object)
            return Fail(path, $"must be a JSON object with the fields {string.Join(", ", known.Select(p => p.Name))}.");

        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var valid = true;
        foreach (var member in element.EnumerateObject())
        {
            if (known.Any(p => string.Equals(p.Name, member.Name, comparison))) continue;
            if (options.UnmappedMemberHandling != JsonUnmappedMemberHandling.Disallow) continue;
            valid = Fail(Join(path, member.Name), $"is not a known field. Known fields: {string.Join(", ", known.Select(p => p.Name))}.");
        }
        foreach (var property in known)
        {
            var childPath = Join(path, property.Name);
            var present = element.EnumerateObject().FirstOrDefault(m => string.Equals(m.Name, property.Name, comparison));
            object? value = null;
            if (present.Value.ValueKind != JsonValueKind.Undefined)
            {
                if (!Value(present.Value, property.PropertyType, childPath) || !TryRead(present.Value, property, childPath, out value))
                {
                    valid = false;
                    continue;
                }
            }
            valid &= Attributes(property, value, childPath);
        }
        return valid;
    }

    private bool TryRead(JsonElement element, JsonPropertyInfo property, string path, out object? value)
    {
        try
        {
            value = element.Deserialize(property.PropertyType, options);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return Fail(path, JsonExpectations.Describe(property.PropertyType));
        }
    }

    private bool List(JsonElement element, JsonTypeInfo info, string path)
    {
        if (element.ValueKind != JsonValueKind.Array) return Fail(path, "must be a list (a JSON array).");
        var valid = true;
        var index = 0;
        foreach (var item in element.EnumerateArray()) valid &= Value(item, info.ElementType!, $"{path}[{index++}]");
        return valid;
    }

    private bool Dictionary(JsonElement element, JsonTypeInfo info, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) return Fail(path, "must be a JSON object of keys and values.");
        var valid = true;
        foreach (var member in element.EnumerateObject())
        {
            if (info.KeyType == typeof(string) && Validation.TextRules.Problem(member.Name) is { } problem)
                valid = Fail(Join(path, member.Name), $"key {problem}");
            else valid &= Value(member.Value, info.ElementType!, Join(path, member.Name));
        }
        return valid;
    }

    private bool Leaf(JsonElement element, JsonTypeInfo info, string path)
    {
        try
        {
            element.Deserialize(info);
            return true;
        }
        catch (JsonException e)
        {
            // Our own converters (text, enums) speak the client's language; System.Text.Json's messages name .NET types.
            return Fail(path, JsonExpectations.SpeaksClient(info.Type) && !e.Message.Contains("System.") ? e.Message : JsonExpectations.Describe(info.Type));
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or NotSupportedException)
        {
            return Fail(path, JsonExpectations.Describe(info.Type));
        }
    }

    private bool Attributes(JsonPropertyInfo property, object? value, string path)
    {
        if (property.AttributeProvider is not PropertyInfo clr) return true;
        var context = new ValidationContext(new object(), services, null) { MemberName = clr.Name, DisplayName = property.Name };
        var valid = true;
        foreach (var attribute in clr.GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            if (attribute.GetValidationResult(value, context) is { ErrorMessage: var message } result && result != ValidationResult.Success)
                valid = Fail(path, message ?? "is invalid.");
        }
        return valid;
    }

    /// <summary>
    /// Null items in lists of a body that did deserialize ("parties": ["A", null]): System.Text.Json accepts
    /// them whatever the annotations say, and an endpoint would trip over them. Dictionary values may be null
    /// (a KPI target set to null removes it).
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> NullListItems(object body, JsonSerializerOptions options)
    {
        var errors = new List<(string, string)>();
        Walk(body, options.GetTypeInfo(body.GetType()), "");
        return errors;

        void Walk(object value, JsonTypeInfo info, string path)
        {
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object:
                    foreach (var property in info.Properties)
                        if (property.Get?.Invoke(value) is { } child && !IsLeaf(child))
                            Walk(child, options.GetTypeInfo(child.GetType()), Join(path, property.Name));
                    break;
                case JsonTypeInfoKind.Enumerable:
                    var index = 0;
                    foreach (var item in (System.Collections.IEnumerable)value)
                    {
                        var itemPath = $"{path}[{index++}]";
                        if (item is null) errors.Add((itemPath.Length == 0 ? Root : itemPath, "must not be null: leave the item out instead."));
                        else if (!IsLeaf(item)) Walk(item, options.GetTypeInfo(item.GetType()), itemPath);
                    }
                    break;
            }
        }

        static bool IsLeaf(object value) => value is string || value.GetType().IsPrimitive || value.GetType().IsValueType;
    }

    private bool Fail(string path, string message)
    {
        _errors.Add((path.Length == 0 ? Root : path, message));
        return false;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
