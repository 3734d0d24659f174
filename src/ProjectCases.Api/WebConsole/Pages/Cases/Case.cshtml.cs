using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.WebConsole.Pages.Cases;

/// <summary>
/// One trouble case with its timeline, through the API's own view (TroubleCaseView): a company gets its own
/// cases only (404 page otherwise), with neither internal lines nor the assignee.
/// </summary>
[Authorize(Roles = Roles.Hotline + "," + Roles.Auditor + "," + Roles.Company)]
public sealed class CaseModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public TroubleCaseView Case { get; private set; } = null!;
    public ProjectStatus? Project { get; private set; }
    public bool ForCompany { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        var trouble = await session.LoadAsync<TroubleCase>(id, ct);
        if (trouble is null || !TroubleAccess.CanSee(User, trouble)) return NotFound();
        ForCompany = TroubleAccess.CompanyOf(User) is not null;
        Case = TroubleCaseView.For(trouble, ForCompany, clock.GetUtcNow());
        Project = await session.LoadAsync<ProjectStatus>(trouble.ProjectId, ct);
        return Page();
    }
}
