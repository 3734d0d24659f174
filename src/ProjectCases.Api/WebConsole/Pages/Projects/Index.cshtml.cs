using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Projects.List;
using ProjectCases.WebConsole.Resources;

namespace ProjectCases.WebConsole.Pages.Projects;

/// <summary>The project list with the API's filters and paging (ListProjectsEndpoint.QueryAsync); not for companies.</summary>
[Authorize(Roles = Roles.InternalReaders)]
public sealed class ProjectListModel(IQuerySession session, IStringLocalizer<Text> text) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "country")] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public Sector? Sector { get; set; }
    [BindProperty(SupportsGet = true, Name = "stage")] public ProjectStage? Stage { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public ProjectStatusValue? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public string? Error { get; private set; }
    public ListPage<ProjectListItem> Found { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGet(CancellationToken ct)
    {
        var country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();
        if (country is not null && !Countries.IsKnown(country))
        {
            Error = string.Format(text["Projects.Country.Unknown"], country);
            return;
        }
        var region = Region is not null && Countries.Regions.Contains(Region) ? Region : null;
        var filter = new ProjectFilter(country, region, Sector, Stage, Status, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim());
        Found = await ListProjectsEndpoint.QueryAsync(session, filter, Math.Max(1, PageNumber), PageSize, ct);
    }

    /// <summary>`?handler=export&amp;format=csv|xlsx` and the page's filters: exactly what the API list answers with that format.</summary>
    public async Task<IActionResult> OnGetExport(CancellationToken ct) => new EndpointResult(await ListProjectsEndpoint.Get(HttpContext, session, ct));
}
