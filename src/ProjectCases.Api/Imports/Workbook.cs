using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ProjectCases.Imports;

/// <summary>
/// The few .xlsx operations imports need, on the Open XML SDK: every sheet's rows as text cells (shared strings, inline
/// strings, booleans and numbers as Excel stores them), and writing sheets of text cells (the template; the benchmark's workbook).
/// </summary>
public static class Workbook
{
    public static IEnumerable<(string Name, List<(int Row, string?[] Cells)> Rows)> Read(Stream content)
    {
        using var document = SpreadsheetDocument.Open(content, false);
        var part = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var result = new List<(string, List<(int, string?[])>)>();
        foreach (var sheet in part.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!.Value!);
            var rows = new List<(int, string?[])>();
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var cells = new List<string?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column) cells.Add(null);
                    cells.Add(Text(cell, shared));
                }
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), cells.ToArray()));
            }
            result.Add((sheet.Name?.Value ?? "", rows));
        }
        return result;
    }

    private static string? Text(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : null;
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (cell.DataType?.Value == CellValues.Boolean) return value == "1" ? "true" : value == "0" ? "false" : value;
        return value;
    }

    /// <summary>"C7" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return Math.Max(index - 1, 0);
    }

    /// <summary>Writes sheets of text cells (inline strings, cell style 1 = text format "@" so that Excel keeps dates and codes as typed).</summary>
    public static void Write(Stream output, IEnumerable<(string Name, IEnumerable<IReadOnlyList<string?>> Rows)> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, FontId = 1, ApplyFont = true }));
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint number = 1;
            foreach (var row in rows)
            {
                var line = new Row { RowIndex = number };
                foreach (var value in row)
                    line.AppendChild(new Cell
                    {
                        DataType = CellValues.InlineString, StyleIndex = number == 1 ? 2u : 1u,
                        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                    });
                data.AppendChild(line);
                number++;
            }
            // Text format for the empty cells below too, where people type the rows.
            worksheet.Worksheet = new Worksheet(new Columns(new Column { Min = 1, Max = 30, Width = 22, CustomWidth = true, Style = 1 }), data);
            list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = id++, Name = name });
        }
        workbook.Workbook.Save();
    }
}
