using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Documents;
using ProjectCases.Documents.Storage;
using ProjectCases.Documents.Upload;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;
using ProjectCases.WebConsole.SignIn;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Documents;

/// <summary>
/// The upload form's target, for a project or a case. The browser's file arrives through ASP.NET's form reader (which
/// spools a file over 64 KiB to a temporary file, never to memory, and checks the antiforgery token), then goes the API's
/// way: the same type check, limit and hash (DocumentUpload), the same decision (DocumentFiling) and preconditions
/// (ConsoleWrites). Back to the page afterwards, with the refusal in the form's alert if there was one.
/// </summary>
[Authorize(Roles = Roles.ProjectWriters + "," + Roles.Hotline + "," + Roles.Company), StreamedUpload]
public sealed class UploadModel(DocumentFiling filing, IDocumentContentStore store, IQuerySession session, ConsoleWrites writes) : PageModel
{
    public const string ErrorKey = "DocumentError";

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPost(string owner, Guid id, IFormFile? file, string? title, bool shared, CancellationToken ct)
    {
        if (!Enum.TryParse<DocumentOwner>(owner, ignoreCase: true, out var kind) || owner.Any(char.IsDigit)) return NotFound();
        if (!DocumentsPanel.MayUpload(User, kind)) return Forbid();
        var back = kind == DocumentOwner.Project ? $"/projects/{id}" : $"/cases/{id}";
        var documentId = Guid.CreateVersion7();
        var fields = new UploadFields(title, kind == DocumentOwner.Trouble ? shared : null, null);
        ReceivedFile? received = null;
        Microsoft.AspNetCore.Mvc.ProblemDetails? problem = null;
        if (file is null) problem = new() { Status = 400, Detail = "file: The file is required." };
        else
        {
            await using var content = file.OpenReadStream();
            (received, problem) = await filing.ReceiveAsync(content, file.ContentType, file.FileName, documentId, ct);
        }
        var byCompany = TroubleAccess.CompanyOf(User) is not null;
        var (decision, refused) = await filing.DecideAsync(session, new DocumentTarget(id, kind, byCompany, null), received, fields, problem, documentId, User, ct);
        var outcome = refused is not null ? new WriteOutcome(null, refused)
            : kind == DocumentOwner.Project
                ? await writes.ExecuteAsync<ProjectWriteModel>(id, null, User, _ => decision!, ct)
                : await writes.ExecuteAsync<TroubleWriteModel>(id, null, User, trouble => AttachDocumentEndpoints.MustBeOpen(trouble) ?? decision!, ct);
        if (outcome.Problem is { } p)
        {
            if (refused is null) await store.DiscardAsync(documentId, ct);
            if (p.Status == 404) return NotFound();
            TempData[ErrorKey] = p.Detail ?? p.Title;
        }
        return Redirect(back);
    }
}
