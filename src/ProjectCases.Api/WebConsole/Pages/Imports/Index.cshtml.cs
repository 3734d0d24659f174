using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ProjectCases.Imports;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.WebConsole.Resources;

namespace ProjectCases.WebConsole.Pages.Imports;

/// <summary>
/// Bulk import in the console: download the template, check a file (the API's dry run, row by row), then record it.
/// The checked file is held in this node's memory for half an hour under its hash and the user, so "Record" runs exactly
/// the file that was checked without choosing it again (on another node, or later, the page asks for it again).
/// </summary>
[Authorize(Roles = Roles.ProjectWriters), StreamedUpload]
public sealed class IndexModel(ImportRunner runner, IMemoryCache cache, IOptions<ImportOptions> options, IStringLocalizer<Text> text) : PageModel
{
    public ImportReport? Report { get; private set; }
    public string? Upload { get; private set; }
    public string? FileName { get; private set; }
    public List<string> Errors { get; } = [];

    public void OnGet() { }

    public IActionResult OnGetTemplate() => File(ImportTemplate.Bytes(), ImportEndpoints.XlsxType, ImportEndpoints.TemplateFileName);

    public async Task<IActionResult> OnPostCheck(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Refuse(text["Import.NoFile"]);
        if (file.Length > options.Value.MaxFileBytes) return Refuse(string.Format(text["Import.TooLarge"], options.Value.MaxFileBytes));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (!await RunAsync(bytes, file.FileName, dryRun: true, ct)) return Page();
        Upload = Convert.ToHexStringLower(SHA256.HashData(bytes));
        FileName = Path.GetFileName(file.FileName);
        cache.Set(Key(Upload), (bytes, FileName), TimeSpan.FromMinutes(30));
        return Page();
    }

    public async Task<IActionResult> OnPostRecord(string? upload, CancellationToken ct)
    {
        if (upload is null || !cache.TryGetValue<(byte[] Bytes, string FileName)>(Key(upload), out var held)) return Refuse(text["Import.Expired"]);
        FileName = held.FileName;
        if (await RunAsync(held.Bytes, held.FileName, dryRun: false, ct)) cache.Remove(Key(upload));
        return Page();
    }

    private async Task<bool> RunAsync(byte[] bytes, string fileName, bool dryRun, CancellationToken ct)
    {
        var (rows, problem) = ImportFile.Read(new MemoryStream(bytes), fileName, options.Value.MaxRows);
        if (problem is not null)
        {
            Errors.Add(problem.Detail ?? problem.Title ?? text["Form.Refused"]);
            return false;
        }
        Report = await runner.RunAsync(rows, User, dryRun, null, ct);
        return true;
    }

    private PageResult Refuse(string message)
    {
        Errors.Add(message);
        return Page();
    }

    private string Key(string hash) => $"import:{User.Identity?.Name}:{hash}";
}
