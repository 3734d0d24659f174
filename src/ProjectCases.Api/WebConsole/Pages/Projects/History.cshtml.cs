using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Audit.History;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.Status;

namespace ProjectCases.WebConsole.Pages.Projects;

/// <summary>Every event of the project as stored (StreamHistory, as GET /api/projects/{id}/history), 100 to a page.</summary>
[Authorize(Roles = Roles.HistoryReaders)]
public sealed class HistoryModel(IQuerySession session) : PageModel
{
    public const int PageSize = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // shown as text, HTML-encoded by Razor
    };

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ProjectStatus Project { get; private set; } = null!;
    public ListPage<HistoryItem> Items { get; private set; } = new([], 1, PageSize, 0);

    public static string DataOf(HistoryItem item) => JsonSerializer.Serialize(item.Data, item.Data.GetType(), Json);

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<ProjectStatus>(id, ct) is not { } project) return NotFound();
        Project = project;
        Items = await StreamHistory.ReadAsync(session, id, Math.Max(1, PageNumber), PageSize, ct);
        return Page();
    }
}
