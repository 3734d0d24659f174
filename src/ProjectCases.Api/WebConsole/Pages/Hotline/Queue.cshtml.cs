using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Queue;

namespace ProjectCases.WebConsole.Pages.Hotline;

/// <summary>The hotline queue (HotlineQueueEndpoint.QueryAsync): priority, then the nearest running deadline.</summary>
[Authorize(Roles = Roles.Hotline)]
public sealed class QueueModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "priority")] public Priority? Priority { get; set; }
    [BindProperty(SupportsGet = true, Name = "overdue")] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "assignee")] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ListPage<QueueItem> Found { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGet(CancellationToken ct) =>
        Found = await HotlineQueueEndpoint.QueryAsync(session, string.IsNullOrWhiteSpace(Assignee) ? null : Assignee.Trim(), Priority, Overdue,
            clock.GetUtcNow(), Math.Max(1, PageNumber), PageSize, ct);

    /// <summary>`?handler=export&amp;format=csv|xlsx` and the page's filters: exactly what the API list answers with that format.</summary>
    public async Task<IActionResult> OnGetExport(CancellationToken ct) => new EndpointResult(await HotlineQueueEndpoint.Get(HttpContext, session, clock, ct));
}
