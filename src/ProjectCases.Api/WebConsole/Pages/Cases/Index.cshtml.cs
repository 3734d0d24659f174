using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.WebConsole.Pages.Cases;

/// <summary>
/// Trouble cases, newest first (ListTroublesEndpoint.QueryAsync): a company sees only its own (its portal),
/// the hotline and auditors every case.
/// </summary>
[Authorize(Roles = Roles.Hotline + "," + Roles.Auditor + "," + Roles.Company)]
public sealed class CaseListModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")] public TroubleStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "priority")] public Priority? Priority { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public TroubleCategory? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ListPage<TroubleCaseView> Found { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyDictionary<Guid, ProjectStatus> Projects { get; private set; } = new Dictionary<Guid, ProjectStatus>();

    public async Task OnGet(CancellationToken ct)
    {
        (Found, _) = await ListTroublesEndpoint.QueryAsync(session, User, Status, Category, Priority, null, clock.GetUtcNow(),
            Math.Max(1, PageNumber), PageSize, ct);
        // Only the projects of the cases listed: for a company, exactly the projects it may see.
        var ids = Found.Items.Select(c => c.ProjectId).Distinct().ToArray();
        Projects = (await session.LoadManyAsync<ProjectStatus>(ct, ids)).ToDictionary(p => p.Id);
    }

    /// <summary>`?handler=export&amp;format=csv|xlsx` and the page's filters: exactly what the API list answers with that format.</summary>
    public async Task<IActionResult> OnGetExport(CancellationToken ct) => new EndpointResult(await ListTroublesEndpoint.Get(HttpContext, session, clock, ct));
}
