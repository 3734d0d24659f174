using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectCases.Infrastructure;
using ProjectCases.Projects;
using ProjectCases.Projects.Agreements;
using ProjectCases.Projects.Touchpoints;

namespace ProjectCases.Imports;

/// <summary>
/// A row as the single-write body it stands for (RegisterProject, LogTouchpoint, SignAgreement, RecordAward), with the
/// ids that make the import idempotent: <see cref="RowId"/> is the project's id for a project row (from its key) and the
/// touchpoint's, agreement's or award's id for the others (from the project and the row's content).
/// </summary>
public sealed record RowCommand(ImportRow Row, Guid RowId, Guid ProjectId, object? Command, string? Problem, string? ProjectKey);

public static class ImportCommands
{
    private static readonly Guid Namespace = new("0c3e9a61-4f7d-4b2e-8a35-6d1f0b9c27e4");

    /// <summary>The project a key names, in this file or any earlier import.</summary>
    public static Guid ProjectId(string key) => NameBasedGuid.Create(Namespace, $"project\n{key.Trim()}");

    /// <summary>
    /// The cells become a JSON body and are read with the API's own JSON rules (enum names, business dates, text rules,
    /// unknown members refused): the import converts cell text to JSON types, and leaves every other judgement to the
    /// API's validation and decisions.
    /// </summary>
    public static RowCommand Parse(ImportRow row, JsonSerializerOptions json)
    {
        var body = new JsonObject();
        var problems = new List<string>();
        Guid projectId = default;
        string? projectKey = null;
        foreach (var column in ImportSheets.Columns[row.Kind])
        {
            if (!row.Cells.TryGetValue(column.Header, out var text)) continue;
            if (column.Header == "key") { projectKey = text; projectId = ProjectId(text); continue; }
            if (column.Type == CellType.ProjectRef)
            {
                projectId = Project(text);
                projectKey = Guid.TryParse(text, out _) ? null : text;
                continue;
            }
            JsonNode? value = column.Type switch
            {
                CellType.Text => JsonValue.Create(text),
                CellType.Date => JsonValue.Create(Date(text)),
                CellType.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
                    : Problem(problems, column, "must be a number (digits, a dot for decimals)."),
                CellType.Bool => Bool(text) is { } b ? JsonValue.Create(b) : Problem(problems, column, "must be true or false."),
                CellType.Id => Guid.TryParse(text, out var id) ? JsonValue.Create(id) : Problem(problems, column, "must be an id (a UUID)."),
                CellType.TextList => new JsonArray([.. List(text).Select(item => (JsonNode?)JsonValue.Create(item))]),
                CellType.IdList => List(text).All(item => Guid.TryParse(item, out _))
                    ? new JsonArray([.. List(text).Select(item => (JsonNode?)JsonValue.Create(Guid.Parse(item)))])
                    : Problem(problems, column, "must be ids (UUIDs) separated by ;."),
                CellType.ProjectRefList => new JsonArray([.. List(text).Select(item => (JsonNode?)JsonValue.Create(Project(item)))]),
                _ => throw new InvalidOperationException($"No reading for {column.Type}."),
            };
            if (value is not null) Set(body, column.Header, value);
        }
        var rowId = row.Kind == ImportKind.Projects ? projectId : NameBasedGuid.Create(Namespace, $"{row.Kind}\n{projectId}\n{Content(row)}");
        if (problems.Count > 0) return new RowCommand(row, rowId, projectId, null, string.Join(" ", problems), projectKey);
        try
        {
            return new RowCommand(row, rowId, projectId, body.Deserialize(CommandType(row.Kind), json), null, projectKey);
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 2 } p ? p[2..] : null; // "$.sector" → "sector"
            return new RowCommand(row, rowId, projectId, null, path is null ? e.Message : $"{path}: {e.Message}", projectKey);
        }
    }

    public static Type CommandType(ImportKind kind) => kind switch
    {
        ImportKind.Projects => typeof(RegisterProject),
        ImportKind.Touchpoints => typeof(LogTouchpoint),
        ImportKind.Agreements => typeof(SignAgreement),
        _ => typeof(RecordAward),
    };

    private static Guid Project(string text) => Guid.TryParse(text, out var id) ? id : ProjectId(text);

    /// <summary>The row's content in a fixed order: the same row gives the same id however its columns are ordered.</summary>
    private static string Content(ImportRow row) =>
        string.Join("\n", row.Cells.Where(c => c.Key != "project").OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    private static JsonNode? Problem(List<string> problems, ImportColumn column, string message)
    {
        problems.Add($"{column.Header}: {message}");
        return null;
    }

    private static IEnumerable<string> List(string text) =>
        text.Split(ImportSheets.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool? Bool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    /// <summary>A date typed into a cell not formatted as text reaches us as Excel's day number: read it back as the day.</summary>
    private static string Date(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : text;

    /// <summary>"amount.value" is the member value of the object amount.</summary>
    private static void Set(JsonObject body, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var target = body;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject inner) target[part] = inner = new JsonObject();
            target = inner;
        }
        target[parts[^1]] = value;
    }
}
