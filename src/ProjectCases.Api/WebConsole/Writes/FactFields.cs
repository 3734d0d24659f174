using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectCases.Projects;
using ProjectCases.Projects.Agreements;
using ProjectCases.Projects.Corrections;
using ProjectCases.Projects.Studies;
using ProjectCases.Projects.Tenders;
using ProjectCases.Projects.Touchpoints;

namespace ProjectCases.WebConsole.Writes;

/// <summary>How a field of the correction form is entered.</summary>
public enum FactFieldInput { Text, LongText, Lines, Date, Number, YesNo, Choice }

/// <summary>One field of the correction form: its JSON name in the route's body (a nested one as "amount.value").</summary>
public sealed record FactField(string Name, string Label, FactFieldInput Input, Type? EnumType);

/// <summary>
/// The correction form of a fact, made from the body of the route that recorded it (the same record the API reads
/// `fields` as, CorrectedFields): one field per property, prefilled from the fact as it counts now, and the posted
/// values turned back into that body. No rule here: the API's own reading and validation decide.
/// </summary>
public static class FactFields
{
    /// <summary>The body the route that recorded <paramref name="fact"/> takes (as CorrectedFields reads it).</summary>
    public static Type? CommandOf(ProjectFact fact) => fact.Value switch
    {
        TouchpointLogged => typeof(LogTouchpoint),
        TouchpointOutcomeRecorded => typeof(RecordTouchpointOutcome),
        StudyStarted => typeof(StartStudy),
        StudyCompleted => typeof(CompleteStudy),
        AgreementSigned => typeof(SignAgreement),
        TenderOpened => typeof(OpenTender),
        JapaneseBidsRecorded => typeof(RecordJapaneseBids),
        ContractAwarded { TenderId: not null } => typeof(AwardTender),
        ContractAwarded => typeof(RecordAward),
        TenderFailed => typeof(FailTender),
        ProjectStatusChanged => typeof(ChangeProjectStatus),
        _ => null,
    };

    private static readonly string[] LongTexts = ["Summary", "Outcome", "Findings", "Reason", "Details"];

    /// <summary>The form's fields; identities (ids, the projects a touchpoint also concerns) are not corrected and not shown.</summary>
    public static IReadOnlyList<FactField> Of(Type command, Display display)
    {
        var fields = new List<FactField>();
        foreach (var property in Settable(command))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var label = display.Text("Field." + property.Name);
            if (type == typeof(MoneyInput))
            {
                fields.Add(new FactField(name + ".value", label, FactFieldInput.Number, null));
                fields.Add(new FactField(name + ".currency", display.Text("Field.Currency"), FactFieldInput.Text, null));
                continue;
            }
            var input = type.IsEnum ? FactFieldInput.Choice
                : type == typeof(DateOnly) || type == typeof(BusinessDate) ? FactFieldInput.Date
                : type == typeof(bool) ? FactFieldInput.YesNo
                : type == typeof(decimal) || type == typeof(int) ? FactFieldInput.Number
                : typeof(IEnumerable<string>).IsAssignableFrom(type) && type != typeof(string) ? FactFieldInput.Lines
                : type == typeof(string) ? (LongTexts.Contains(property.Name) ? FactFieldInput.LongText : FactFieldInput.Text)
                : (FactFieldInput?)null;
            if (input is { } known) fields.Add(new FactField(name, label, known, type.IsEnum ? type : null));
        }
        return fields;
    }

    /// <summary>The record's own (constructor) properties; a Guid or a list of Guids is an identity, not a field.</summary>
    private static IEnumerable<PropertyInfo> Settable(Type command) => command.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && p.Name != "EqualityContract")
        .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) != typeof(Guid) && !typeof(IEnumerable<Guid>).IsAssignableFrom(p.PropertyType));

    /// <summary>The form's values for the fact as it counts now (the fact's JSON read by field name).</summary>
    public static Dictionary<string, string?> Prefill(ProjectFact fact, IReadOnlyList<FactField> fields, JsonSerializerOptions json)
    {
        var element = JsonSerializer.SerializeToElement(fact.Value, fact.Value.GetType(), json);
        var values = new Dictionary<string, string?>();
        foreach (var field in fields)
        {
            var node = element;
            var found = true;
            foreach (var part in field.Name.Split('.'))
            {
                if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(part, out var next)) node = next;
                else { found = false; break; }
            }
            values[Key(field.Name)] = !found ? null : node.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.Array => string.Join('\n', node.EnumerateArray().Select(e => e.ToString())),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => node.ToString(),
            };
        }
        return values;
    }

    /// <summary>The posted values as the route's body: empty means absent; a number that is not one stays text, for the API to refuse.</summary>
    public static JsonElement Body(IReadOnlyList<FactField> fields, IReadOnlyDictionary<string, string?> posted)
    {
        var body = new JsonObject();
        foreach (var field in fields)
        {
            var text = posted.TryGetValue(Key(field.Name), out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(text)) continue;
            JsonNode? value = field.Input switch
            {
                FactFieldInput.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(text),
                FactFieldInput.YesNo => bool.TryParse(text, out var b) ? JsonValue.Create(b) : JsonValue.Create(text),
                FactFieldInput.Lines => new JsonArray([.. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonNode?)JsonValue.Create(l))]),
                FactFieldInput.Text when field.Name.EndsWith(".currency", StringComparison.Ordinal) => JsonValue.Create(text.ToUpperInvariant()),
                _ => JsonValue.Create(text),
            };
            var parts = field.Name.Split('.');
            var target = body;
            foreach (var part in parts[..^1])
            {
                if (target[part] is not JsonObject inner) target[part] = inner = new JsonObject();
                target = inner;
            }
            target[parts[^1]] = value;
        }
        return JsonSerializer.SerializeToElement(body);
    }

    /// <summary>The form key of a field ("amount.value" → "amount__value": a dot inside a dictionary key would not bind).</summary>
    public static string Key(string name) => name.Replace(".", "__", StringComparison.Ordinal);

    /// <summary>A label for an enum value of a runtime type.</summary>
    public static string EnumLabel(Display display, Type enumType, object value) => display.Text($"{enumType.Name}.{value}");
}
