using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Organisations;

namespace ProjectCases.WebConsole.Pages.Organisations;

/// <summary>The organisation page: the same data as GET /api/organisations/{id} (OrganisationPage), cases within the user's rights.</summary>
[Authorize(Roles = Roles.InternalReaders)]
public sealed class OrganisationModel(IQuerySession session) : PageModel
{
    public OrganisationPage Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<ProjectCases.Organisations.Organisation>(id, ct) is not { } organisation) return NotFound();
        Organisation = await OrganisationPage.ReadAsync(session, organisation, User, ct);
        return Page();
    }
}
