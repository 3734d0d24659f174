using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Rules;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles.Cases;
using ProjectCases.WebConsole.SignIn;

namespace ProjectCases.WebConsole.Pages.Tasks;

/// <summary>
/// Follow-ups (ListFollowUpsEndpoint.QueryAsync): "mine" are owned by the user's subject; the desk's are the
/// hotline desk's for hotline staff and every ministry desk (`desk:...`) for officers and auditors.
/// </summary>
[Authorize(Roles = Roles.Officer + "," + Roles.Hotline + "," + Roles.Auditor)]
public sealed class TasksModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "view")] public string? View { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public bool Desk => View == "desk";
    public ListPage<FollowUpItem> Found { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyDictionary<Guid, string> Subjects { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGet(CancellationToken ct)
    {
        Found = await ListFollowUpsEndpoint.QueryAsync(session, Filter(), TokyoTime.Today(clock), Math.Max(1, PageNumber), PageSize, ct);
        await NameSubjects(ct);
    }

    /// <summary>`?handler=export&amp;format=csv|xlsx` with the page's view and state: every task the page lists, as the API exports tasks.</summary>
    public IActionResult OnGetExport()
    {
        var query = new QueryParameters(Request).Allow("view", "state", "page");
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return new EndpointResult(Results.Problem(problem));
        if (format is not { } file) return BadRequest();
        var (filter, today, ct) = (Filter(), TokyoTime.Today(clock), HttpContext.RequestAborted);
        return new EndpointResult(ListExport.AllPages(file, "tasks", (p, size) => ListFollowUpsEndpoint.QueryAsync(session, filter, today, p, size, ct)));
    }

    private FollowUpFilter Filter()
    {
        var (status, overdueOnly) = State switch
        {
            "overdue" => ((FollowUpStatus?)null, true),
            "done" => (FollowUpStatus.Done, false),
            "all" => (null, false),
            _ => (FollowUpStatus.Open, false),
        };
        var filter = !Desk
            ? new FollowUpFilter(Owner: User.Subject(), Status: status, OverdueOnly: overdueOnly)
            : User.IsInRole(Roles.Hotline)
                ? new FollowUpFilter(Owner: FollowUpRules.HotlineDesk, Status: status, OverdueOnly: overdueOnly)
                : new FollowUpFilter(OwnerPrefix: "desk:", Status: status, OverdueOnly: overdueOnly);
        return filter;
    }

    /// <summary>What each task belongs to, by name: the project's, or the case's summary.</summary>
    private async Task NameSubjects(CancellationToken ct)
    {
        var projectIds = Found.Items.Where(t => t.ProjectId is not null).Select(t => t.ProjectId!.Value).Distinct().ToArray();
        var troubleIds = Found.Items.Where(t => t.TroubleId is not null).Select(t => t.TroubleId!.Value).Distinct().ToArray();
        var names = new Dictionary<Guid, string>();
        foreach (var p in await session.LoadManyAsync<ProjectStatus>(ct, projectIds))
            names[p.Id] = ConsoleCulture.NameOf(p.Name, p.NameJa);
        // A case is named only to those who may read cases (officers may list tasks, not read cases).
        if (User.IsAnyOf(Roles.Hotline + "," + Roles.Auditor))
            foreach (var c in await session.LoadManyAsync<TroubleCase>(ct, troubleIds)) names[c.Id] = c.Summary;
        Subjects = names;
    }
}
