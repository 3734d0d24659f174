using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Imports;

/// <summary>Bulk import (docs/import.md): the template, and an upload run as a dry run or for real.</summary>
public static class ImportEndpoints
{
    public const string TemplateFileName = "projectcases-import-template.xlsx";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [FileResponse(XlsxType)]
    [WolverineGet("/api/imports/template", OperationId = "GetImportTemplate"), Authorize(Roles = Roles.ProjectWriters)]
    public static IResult GetTemplate(HttpContext context)
    {
        if (new QueryParameters(context.Request).Problem() is { } problem) return Results.Problem(problem);
        return Results.File(ImportTemplate.Bytes(), XlsxType, TemplateFileName);
    }

    [Query("dryRun", typeof(bool), "true: report what each row would do and record nothing; false: record the valid rows.", Required = true)]
    [ProducesResponseType<ImportReport>(200)]
    [MultipartFile("file", "The .xlsx workbook (the template's sheets) or a .csv of one kind, named by its file name's start (touchpoints-2025.csv).")]
    [WolverinePost("/api/imports", OperationId = "PostImport"), Authorize(Roles = Roles.ProjectWriters), StreamedUpload]
    public static async Task<IResult> Post(HttpContext context, IOptions<ImportOptions> options, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        if (query.Text("dryRun") is null) query.AddError("dryRun", "is required: true to see what would be recorded, false to record.");
        var dryRun = query.Bool("dryRun");
        if (query.Problem() is { } bad) return Results.Problem(bad);

        var (upload, problem) = await ReadUploadAsync(context.Request, options.Value.MaxFileBytes, ct);
        if (problem is not null) return Results.Problem(problem);
        var (rows, invalid) = ImportFile.Read(upload!.Value.Content, upload.Value.FileName, options.Value.MaxRows);
        if (invalid is not null) return Results.Problem(invalid);
        // Resolved here, not injected: the runner's dependencies (the console's validation seam) are built by the container.
        var runner = context.RequestServices.GetRequiredService<ImportRunner>();
        return Results.Ok(await runner.RunAsync(rows, context.User, dryRun, null, ct));
    }

    /// <summary>The one `file` part of a multipart/form-data body, at most <paramref name="maxBytes"/> long (413 beyond; 415 for another body).</summary>
    public static async Task<((MemoryStream Content, string FileName)?, ProblemDetails?)> ReadUploadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (null, ImportFile.Unsupported("Send the file as multipart/form-data with a `file` part."));
        if (request.ContentLength > maxBytes + 64 * 1024) return (null, TooLarge(maxBytes));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes + 64 * 1024;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + 64 * 1024 }, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return (null, TooLarge(maxBytes)); }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)) { return (null, TooLarge(maxBytes)); }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, ImportFile.Bad($"The multipart body could not be read: {e.Message}"));
        }
        if (form.Files.Count != 1 || form.Files[0].Name != "file") return (null, ImportFile.Bad("Send exactly one file, in a part named `file`."));
        var file = form.Files[0];
        if (file.Length > maxBytes) return (null, TooLarge(maxBytes));
        if (file.Length == 0) return (null, ImportFile.Bad("The file is empty."));
        var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, ct);
        content.Position = 0;
        return ((content, file.FileName), null);
    }

    private static ProblemDetails TooLarge(long maxBytes) => new()
    {
        Status = 413, Title = "The import file is too large", Detail = $"One import file may be at most {maxBytes} bytes; split it.",
    };
}

public sealed class ImportOptions
{
    public const string Section = "Imports";
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    public int MaxRows { get; set; } = 50_000;
}
