using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ProjectCases.Infrastructure.Export;

/// <summary>One cell: text, or a number (a spreadsheet keeps it a number), or empty.</summary>
public readonly record struct ExportCell(string? Text, decimal? Number = null)
{
    public static readonly ExportCell Empty = new(null);
}

/// <summary>
/// The columns of a row type as the JSON list shows them: the same field names (so a machine reading the file uses the
/// names it knows from the API) in the same order, and each value as the JSON has it (enums by name, dates as
/// YYYY-MM-DD, instants in ISO 8601). A list of plain values becomes one cell joined with "; "; anything nested
/// (objects, lists of objects) is its JSON text.
/// </summary>
public sealed class ExportColumns
{
    private readonly JsonSerializerOptions _json;
    private readonly IReadOnlyList<JsonPropertyInfo> _properties;

    private ExportColumns(JsonSerializerOptions json, IReadOnlyList<JsonPropertyInfo> properties)
    {
        _json = json;
        _properties = properties;
    }

    public static ExportColumns For(Type rowType, JsonSerializerOptions json)
    {
        // The API's own options: the same names and value formats as the JSON list (locked once, as serializing would).
        if (!json.IsReadOnly) json.MakeReadOnly(populateMissingResolver: true);
        var info = json.GetTypeInfo(rowType);
        return new ExportColumns(json, [.. info.Properties.Where(p => p.Get is not null)]);
    }

    public IReadOnlyList<string> Names => [.. _properties.Select(p => p.Name)];

    public IEnumerable<ExportCell> Cells(object row) => _properties.Select(p => Cell(p.Get!(row), p.PropertyType));

    private ExportCell Cell(object? value, Type type)
    {
        switch (value)
        {
            case null: return ExportCell.Empty;
            case string text: return new ExportCell(text);
            case bool flag: return new ExportCell(flag ? "true" : "false");
            case int or long or short or byte or decimal or double or float:
                var number = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
                return new ExportCell(number.ToString(System.Globalization.CultureInfo.InvariantCulture), number);
        }
        var element = JsonSerializer.SerializeToElement(value, type, _json);
        return element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => ExportCell.Empty,
            JsonValueKind.String => new ExportCell(element.GetString()),
            JsonValueKind.Array when element.EnumerateArray().All(IsPlain) =>
                new ExportCell(string.Join("; ", element.EnumerateArray().Select(Plain))),
            _ => new ExportCell(element.GetRawText()),
        };
    }

    private static bool IsPlain(JsonElement e) => e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static string Plain(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
}
