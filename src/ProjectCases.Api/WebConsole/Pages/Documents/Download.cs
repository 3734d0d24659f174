using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Documents;
using ProjectCases.Documents.Storage;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.WebConsole.Pages.Documents;

/// <summary>The console's download link (cookie sign-in): the API's access rule and streaming download, as GET /api/documents/{id}.</summary>
[Authorize(Roles = Roles.ProjectReaders)]
public sealed class DownloadModel(IQuerySession session, IDocumentContentStore store) : PageModel
{
    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        if (await DocumentAccess.FindAsync(session, User, id, ct) is not { } document) return NotFound();
        Response.ContentLength = document.Size;
        return new Streamed(DocumentAccess.Download(document, store));
    }

    private sealed class Streamed(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
