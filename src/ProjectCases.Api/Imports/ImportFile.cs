using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;

namespace ProjectCases.Imports;

/// <summary>One data row: where it is (sheet and spreadsheet row number, the header being row 1) and its non-empty cells by header.</summary>
public sealed record ImportRow(ImportKind Kind, string Sheet, int Row, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// Reads an uploaded workbook (.xlsx: one sheet per kind, named after it, plus the template's Instructions sheet) or CSV
/// (one kind, named by the file name's start). The rows come out in kind order (projects first), so that later rows can
/// name projects of earlier ones. Everything a file can get wrong is a 400 or 415 problem, never an exception.
/// </summary>
public static class ImportFile
{
    public static (IReadOnlyList<ImportRow> Rows, ProblemDetails? Problem) Read(Stream content, string fileName, int maxRows)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var sheets = new List<(string Name, List<(int Row, string?[] Cells)> Rows)>();
        try
        {
            switch (extension)
            {
                case ".xlsx": sheets.AddRange(Workbook.Read(content)); break;
                case ".csv": sheets.Add((fileName, Csv(content))); break;
                default: return ([], Unsupported($"\"{Path.GetFileName(fileName)}\" is neither an .xlsx workbook nor a .csv file."));
            }
        }
        // A corrupt or foreign file fails inside the zip, XML or CSV readers with many exception types; all mean "not readable".
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return ([], extension == ".xlsx"
                ? Unsupported($"\"{Path.GetFileName(fileName)}\" is not a readable .xlsx workbook ({e.GetType().Name}).")
                : Bad($"\"{Path.GetFileName(fileName)}\" is not readable CSV: {e.Message}"));
        }

        var rows = new List<ImportRow>();
        foreach (var (name, sheetRows) in sheets)
        {
            if (extension == ".xlsx" && string.Equals(name, ImportSheets.InstructionsSheet, StringComparison.OrdinalIgnoreCase)) continue;
            var kind = extension == ".csv" ? ImportSheets.KindOfCsvFile(name) : ImportSheets.KindOfSheet(name);
            if (kind is null)
                return ([], Bad(extension == ".csv"
                    ? $"A CSV file holds one kind, named by the start of its file name: Projects, Touchpoints, Agreements or Awards (e.g. touchpoints.csv); \"{Path.GetFileName(name)}\" names none."
                    : $"The sheet \"{name}\" is not one of Projects, Touchpoints, Agreements, Awards (or {ImportSheets.InstructionsSheet})."));
            var sheetName = extension == ".csv" ? kind.Value.ToString() : name;
            var (read, problem) = Rows(kind.Value, sheetName, sheetRows);
            if (problem is not null) return ([], problem);
            rows.AddRange(read);
        }
        if (rows.Count == 0) return ([], Bad("The file holds no data rows (only headers, or nothing)."));
        if (rows.Count > maxRows) return ([], Bad($"The file holds {rows.Count} rows; one import takes at most {maxRows}. Split it."));
        return ([.. rows.OrderBy(r => r.Kind)], null);
    }

    /// <summary>The header row must name only the kind's columns, each once, and all the required ones.</summary>
    private static (IReadOnlyList<ImportRow>, ProblemDetails?) Rows(ImportKind kind, string sheet, List<(int Row, string?[] Cells)> rows)
    {
        var nonEmpty = rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (nonEmpty.Count == 0) return ([], null); // an empty sheet of the template: nothing of this kind
        var columns = ImportSheets.Columns[kind];
        var header = nonEmpty[0];
        var names = header.Cells.Select(c => c?.Trim() ?? "").ToArray();
        var unknown = names.Where(n => n.Length > 0 && columns.All(c => c.Header != n)).ToList();
        if (unknown.Count > 0)
            return ([], Bad($"{sheet}: unknown column(s) {string.Join(", ", unknown.Select(u => $"\"{u}\""))} in the header row {header.Row}; the columns are {string.Join(", ", columns.Select(c => c.Header))}."));
        var twice = names.Where(n => n.Length > 0).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0) return ([], Bad($"{sheet}: the header row names {string.Join(", ", twice)} more than once."));
        var missing = columns.Where(c => c.Required && !names.Contains(c.Header)).Select(c => c.Header).ToList();
        if (missing.Count > 0) return ([], Bad($"{sheet}: the header row {header.Row} lacks the required column(s) {string.Join(", ", missing)}."));

        var result = new List<ImportRow>();
        foreach (var (row, cells) in nonEmpty.Skip(1))
        {
            var values = new Dictionary<string, string>();
            for (var i = 0; i < cells.Length; i++)
            {
                if (i >= names.Length || names[i].Length == 0)
                {
                    if (!string.IsNullOrWhiteSpace(cells[i])) return ([], Bad($"{sheet} row {row}: a value in a column without a header."));
                    continue;
                }
                if (!string.IsNullOrWhiteSpace(cells[i])) values[names[i]] = cells[i]!.Trim();
            }
            result.Add(new ImportRow(kind, sheet, row, values));
        }
        return (result, null);
    }

    private static List<(int, string?[])> Csv(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        // Excel's "CSV UTF-8" starts with a byte-order mark; refuse other encodings (Shift_JIS) rather than garble names.
        _ = new UTF8Encoding(false, true).GetString(bytes);
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        using var csv = CsvReader.Create(bytes.AsMemory(offset), new CsvReaderOptions { HasHeader = false });
        var rows = new List<(int, string?[])>();
        var number = 0;
        while (csv.Read())
        {
            number++;
            var cells = new string?[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            rows.Add((number, cells));
        }
        return rows;
    }

    public static ProblemDetails Bad(string detail) => new() { Status = 400, Title = "The import file cannot be read", Detail = detail };

    public static ProblemDetails Unsupported(string detail) => new() { Status = 415, Title = "Not an import file", Detail = detail + " Send the template's .xlsx or a .csv." };
}
