using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles.Cases;
using ProjectCases.WebConsole.Timeline;

namespace ProjectCases.WebConsole.Pages.Cases;

/// <summary>
/// One trouble case through the API's own access check and view (TroubleAccess, TroubleCaseView) and its timeline
/// (CaseTimeline): a company gets its own cases only (404 page otherwise), with neither internal lines, the
/// assignee nor the names of hotline staff.
/// </summary>
[Authorize(Roles = Roles.Hotline + "," + Roles.Auditor + "," + Roles.Company)]
public sealed class CaseModel(IQuerySession session, TimeProvider clock, Display display) : PageModel
{
    public TroubleCaseView Case { get; private set; } = null!;
    public ProjectStatus? Project { get; private set; }
    public bool ForCompany { get; private set; }
    public IReadOnlyList<CaseLine> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        var trouble = await session.LoadAsync<TroubleCase>(id, ct);
        if (trouble is null || !TroubleAccess.CanSee(User, trouble)) return NotFound();
        ForCompany = TroubleAccess.CompanyOf(User) is not null;
        var view = TroubleCaseView.For(trouble, clock.GetUtcNow());
        Case = ForCompany ? view.AsCompanySees() : view;
        Project = await session.LoadAsync<ProjectStatus>(trouble.ProjectId, ct);
        Timeline = CaseTimeline.Of(await session.Events.FetchStreamAsync(id, token: ct), display, ForCompany);
        return Page();
    }
}
