using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Organisations;

namespace ProjectCases.WebConsole.Pages.Organisations;

/// <summary>Organisations by name, filtered by part of a name (either script, normalised as the duplicate check does) and kind.</summary>
[Authorize(Roles = Roles.InternalReaders)]
public sealed class OrganisationsModel(IQuerySession session, Display display) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public OrganisationKind? Kind { get; set; }

    public IReadOnlyList<Organisation> Found { get; private set; } = [];
    public long Total { get; private set; }
    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(display.Enum(k), k.ToString(), k == Kind));

    public async Task OnGet(CancellationToken ct)
    {
        IQueryable<Organisation> organisations = session.Query<Organisation>();
        if (Kind is { } kind) organisations = organisations.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var key = OrganisationNames.Normalise(Query);
            organisations = organisations.Where(o => o.NameKey.Contains(key) || o.NameJaKey.Contains(key));
        }
        var page = await organisations.OrderBy(o => o.NameKey).ThenBy(o => o.Id).ToPagedListAsync(1, PageSize, ct);
        (Found, Total) = ([.. page], page.TotalItemCount);
    }

    /// <summary>`?handler=export&amp;format=csv|xlsx` and the page's filters: exactly what the API list answers with that format.</summary>
    public async Task<IActionResult> OnGetExport(CancellationToken ct) => new EndpointResult(await ReadOrganisationsEndpoints.List(HttpContext, session, ct));
}
