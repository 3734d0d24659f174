using System.Net.Http.Headers;
using System.Text;
using ProjectCases.Imports;

namespace ProjectCases.Api.Tests.Imports;

/// <summary>Import files as a user makes them: a workbook of sheets (header row first) or a CSV, sent as multipart/form-data.</summary>
public static class ImportFiles
{
    public static byte[] Workbook(params (string Sheet, string?[][] Rows)[] sheets)
    {
        using var output = new MemoryStream();
        ProjectCases.Imports.Workbook.Write(output, sheets.Select(s => (s.Sheet, s.Rows.Select(r => (IReadOnlyList<string?>)r))));
        return output.ToArray();
    }

    /// <summary>UTF-8 with a byte-order mark, as Excel saves "CSV UTF-8".</summary>
    public static byte[] Csv(params string[] lines) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    public static MultipartFormDataContent Form(byte[] file, string fileName, string contentType = ImportEndpoints.XlsxType)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { content, "file", fileName } };
    }
}
