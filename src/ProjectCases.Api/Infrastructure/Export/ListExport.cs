using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProjectCases.Infrastructure.Http;

namespace ProjectCases.Infrastructure.Export;

/// <summary>
/// Every row of a list, in the list's order and with its filters, as a CSV or Excel file: the one way every list route
/// answers `?format=csv|xlsx`. The endpoint hands over the page reader it already has (the same filters, the same
/// access rules); this reads it batch after batch until the last row.
/// </summary>
public static class ListExport
{
    /// <summary>
    /// Rows read per query (setting `Export:BatchSize`): large enough to keep the number of queries low, small enough to
    /// keep memory flat. The tests set it small, so that their few rows span several batches.
    /// </summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>Every page of <paramref name="readPage"/> (page from 1, page size) as one file named after <paramref name="list"/> and today.</summary>
    public static IResult AllPages<T>(ExportFormat format, string list, Func<int, int, Task<ListPage<T>>> readPage) where T : notnull =>
        new ExportResult<T>(format, list, batchSize => Batches(readPage, batchSize));

    /// <summary>A list that is read whole anyway (it has no paging).</summary>
    public static IResult Rows<T>(ExportFormat format, string list, IReadOnlyList<T> rows) where T : notnull =>
        new ExportResult<T>(format, list, _ => One(rows));

    private static async IAsyncEnumerable<IReadOnlyList<T>> One<T>(IReadOnlyList<T> rows)
    {
        await Task.CompletedTask;
        yield return rows;
    }

    private static async IAsyncEnumerable<IReadOnlyList<T>> Batches<T>(Func<int, int, Task<ListPage<T>>> readPage, int batchSize)
    {
        // Offset pages in the list's own order (every list orders by a unique last key, the id), as the JSON pages are read.
        for (var page = 1; ; page++)
        {
            var batch = await readPage(page, batchSize);
            if (batch.Items.Count > 0) yield return batch.Items;
            if (batch.Items.Count < batchSize || (long)page * batchSize >= batch.Total) yield break;
        }
    }

    /// <summary>`projects-2026-12-01.csv`: the list and the day in Tokyo.</summary>
    public static string FileName(string list, DateOnly today, ExportFormat format) =>
        $"{list}-{today:yyyy-MM-dd}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";

    private sealed class ExportResult<T>(ExportFormat format, string list, Func<int, IAsyncEnumerable<IReadOnlyList<T>>> batches) : IResult where T : notnull
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var services = context.RequestServices;
            var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var today = TokyoTime.Today(services.GetRequiredService<TimeProvider>());
            var ct = context.RequestAborted;
            var batchSize = Math.Max(1, services.GetRequiredService<IConfiguration>().GetValue("Export:BatchSize", DefaultBatchSize));
            var columns = ExportColumns.For(typeof(T), json);

            // The file is written to a temporary file first, then sent: memory stays flat however long the list, and a
            // failure half-way answers an error instead of a truncated file that looks complete.
            await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"projectcases-export-{Guid.NewGuid():N}"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using (var writer = Writer(file, columns.Names))
            {
                await foreach (var batch in batches(batchSize).WithCancellation(ct))
                    foreach (var row in batch)
                        await writer.WriteRowAsync(columns.Cells(row), ct);
            }

            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = format == ExportFormat.Csv ? ExportFormats.Csv : ExportFormats.Xlsx;
            response.ContentLength = file.Length;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(FileName(list, today, format));
            response.Headers.ContentDisposition = disposition.ToString();
            file.Position = 0;
            await file.CopyToAsync(response.Body, ct);
        }

        private IExportWriter Writer(Stream file, IReadOnlyList<string> header) => format == ExportFormat.Csv
            ? new CsvExportWriter(file, header)
            : new XlsxExportWriter(file, list, header);
    }
}
