using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ProjectCases.Infrastructure.Export;

/// <summary>Writes rows as they come: neither writer holds more than the row it is writing.</summary>
public interface IExportWriter : IAsyncDisposable
{
    Task WriteRowAsync(IEnumerable<ExportCell> cells, CancellationToken ct);
}

/// <summary>
/// CSV, UTF-8 with a byte-order mark (Excel in Japan reads a CSV without one as Shift_JIS and garbles every Japanese
/// name). Text that a spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe.
/// </summary>
public sealed class CsvExportWriter : IExportWriter
{
    private readonly CsvWriter _csv;

    public CsvExportWriter(Stream destination, IReadOnlyList<string> header)
    {
        _csv = CsvWriter.Create(destination, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        _csv.WriteRecord([.. header]);
    }

    public async Task WriteRowAsync(IEnumerable<ExportCell> cells, CancellationToken ct)
    {
        foreach (var cell in cells)
        {
            // Numbers as numbers, so a negative amount is not taken for a formula and escaped.
            if (cell.Number is { } number) _csv.WriteField(number);
            else _csv.WriteField(cell.Text);
        }
        await _csv.EndRecordAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.FlushAsync();
        await _csv.DisposeAsync();
    }
}

/// <summary>
/// An Excel workbook of one sheet, written with the Open XML SDK's forward-only writer (cells as inline strings or
/// numbers, no shared-string table), so a large list never becomes a document tree in memory. Text stays text: an
/// inline string is never run as a formula.
/// </summary>
public sealed class XlsxExportWriter : IExportWriter
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlWriter _sheet;

    public XlsxExportWriter(Stream destination, string sheetName, IReadOnlyList<string> header)
    {
        _document = SpreadsheetDocument.Create(destination, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = SheetName(sheetName) }));
        _sheet = OpenXmlWriter.Create(worksheet);
        _sheet.WriteStartElement(new Worksheet());
        _sheet.WriteStartElement(new SheetData());
        WriteRow(header.Select(name => new ExportCell(name)));
    }

    public Task WriteRowAsync(IEnumerable<ExportCell> cells, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        WriteRow(cells);
        return Task.CompletedTask;
    }

    private void WriteRow(IEnumerable<ExportCell> cells)
    {
        _sheet.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            if (cell.Number is { } number)
                _sheet.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) });
            else if (cell.Text is { Length: > 0 } text)
                _sheet.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }) });
            else
                _sheet.WriteElement(new Cell());
        }
        _sheet.WriteEndElement();
    }

    /// <summary>Excel takes at most 31 characters for a sheet's name, and none of : \\ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return clean.Length <= 31 ? clean : clean[..31];
    }

    /// <summary>Excel refuses to open a workbook with a longer cell (it offers to "repair" it).</summary>
    public const int MaxCellLength = 32_767;

    // XML 1.0 cannot carry most control characters; the API refuses them in text, but older events may hold some.
    private static string Clean(string text)
    {
        if (text.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r')) text = new string([.. text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')]);
        return text.Length <= MaxCellLength ? text : text[..MaxCellLength];
    }

    public ValueTask DisposeAsync()
    {
        _sheet.WriteEndElement(); // SheetData
        _sheet.WriteEndElement(); // Worksheet
        _sheet.Close();
        _document.Dispose();
        return ValueTask.CompletedTask;
    }
}
