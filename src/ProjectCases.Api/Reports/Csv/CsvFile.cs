using System.Globalization;
using System.Text;
using CsvHelper;

namespace ProjectCases.Reports.Csv;

/// <summary>
/// A report as CSV: one header row, then one row per line of the report. UTF-8 with a byte-order mark,
/// because Excel in Japan reads a CSV without one as Shift_JIS and garbles every Japanese label.
/// </summary>
public static class CsvFile
{
    public static IResult Result(string fileName, IReadOnlyList<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows) csv.WriteRecord([.. row.Select(field => Convert.ToString(field, CultureInfo.InvariantCulture) ?? "")]);
        }
        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
