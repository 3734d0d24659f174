using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;
using ProjectCases.Troubles.Handling;
using ProjectCases.Troubles.ServiceLevels;
using ProjectCases.WebConsole.SignIn;
using ProjectCases.WebConsole.Timeline;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Cases;

/// <summary>
/// One trouble case through the API's own access check and view (TroubleAccess, TroubleCaseView) and its timeline
/// (CaseTimeline): a company gets its own cases only (404 page otherwise), with neither internal lines, the
/// assignee nor the names of hotline staff. Below it, the actions the user's role may take, each the endpoint's own
/// decision through <see cref="ConsoleWrites"/>, with the same role rule as the endpoint (checked here per handler).
/// </summary>
[Authorize(Roles = Roles.Hotline + "," + Roles.Auditor + "," + Roles.Company)]
public sealed class CaseModel(IQuerySession session, TimeProvider clock, Display display, ServiceLevelClock levels, ConsoleWrites writes,
    ProjectCases.Documents.DocumentFiling filing)
    : FormPage(writes)
{
    [BindProperty] public TriageForm Triage { get; set; } = new();
    [BindProperty] public AssignForm Assign { get; set; } = new();
    [BindProperty] public ConsultForm Consult { get; set; } = new();
    [BindProperty] public TopClaimForm TopClaim { get; set; } = new();
    [BindProperty] public NoteForm Note { get; set; } = new();
    [BindProperty] public ResolveForm Resolve { get; set; } = new();
    [BindProperty] public ReopenForm Reopen { get; set; } = new();

    public TroubleCaseView Case { get; private set; } = null!;
    public ProjectStatus? Project { get; private set; }
    public bool ForCompany { get; private set; }
    public bool ForHotline => User.IsInRole(Roles.Hotline);
    public IReadOnlyList<CaseLine> Timeline { get; private set; } = [];
    public Documents.DocumentsPanel Documents { get; private set; } = null!;

    public IEnumerable<SelectListItem> Priorities => Options<Priority>(display);
    public IEnumerable<SelectListItem> Categories => Options<TroubleCategory>(display);
    public IEnumerable<SelectListItem> Agencies => Options<Agency>(display);
    public IEnumerable<SelectListItem> Levels => Options<JapanLevel>(display);
    public IEnumerable<SelectListItem> Visibilities => Options<NoteVisibility>(display);
    public IEnumerable<SelectListItem> Outcomes => Options<ResolutionOutcome>(display);

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostTriage(Guid id, CancellationToken ct)
    {
        var command = Triage.ToCommand();
        return Write(id, nameof(Triage), Roles.Hotline, () => Writes.ExecuteAsync<TroubleWriteModel, TriageTrouble>(id, FormVersion, User, command,
            trouble => TriageTroubleDecision.Decide(trouble, command, levels.Dues(trouble.ReportedAt, command.Priority!.Value), clock.GetUtcNow()), ct), ct);
    }

    public Task<IActionResult> OnPostAssign(Guid id, CancellationToken ct)
    {
        var command = new AssignTrouble(Assign.Officer ?? "");
        return Write(id, nameof(Assign), Roles.Hotline, () => Writes.ExecuteAsync<TroubleWriteModel, AssignTrouble>(id, FormVersion, User, command,
            trouble => AssignTroubleDecision.Decide(trouble, command, clock.GetUtcNow()), ct), ct);
    }

    public Task<IActionResult> OnPostConsult(Guid id, CancellationToken ct)
    {
        var command = new ConsultAgency(Consult.Agency, Consult.Note ?? "");
        return Write(id, nameof(Consult), Roles.Hotline, () => Writes.ExecuteAsync<TroubleWriteModel, ConsultAgency>(id, FormVersion, User, command,
            trouble => ConsultAgencyDecision.Decide(trouble, command, clock.GetUtcNow()), ct), ct);
    }

    public Task<IActionResult> OnPostTopClaim(Guid id, CancellationToken ct)
    {
        var command = new MakeTopClaim(TopClaim.RaisedBy, TopClaim.RaisedWith ?? "", TopClaim.RaisedOn, TopClaim.Channel);
        return Write(id, nameof(TopClaim), Roles.Hotline, () => Writes.ExecuteAsync<TroubleWriteModel, MakeTopClaim>(id, FormVersion, User, command,
            trouble => MakeTopClaimDecision.Decide(trouble, command, clock.GetUtcNow()), ct), ct);
    }

    public Task<IActionResult> OnPostNote(Guid id, CancellationToken ct)
    {
        var command = new AddTroubleNote(Note.Text ?? "", Note.Visibility);
        var byCompany = TroubleAccess.CompanyOf(User) is not null;
        return Write(id, nameof(Note), Roles.Hotline + "," + Roles.Company, () => Writes.ExecuteAsync<TroubleWriteModel, AddTroubleNote>(id, Expected, User,
            command, trouble => AddTroubleNoteDecision.Decide(trouble, command, byCompany, Guid.CreateVersion7(), clock.GetUtcNow()), ct), ct);
    }

    public Task<IActionResult> OnPostResolve(Guid id, CancellationToken ct)
    {
        var command = new ResolveTrouble(Resolve.Outcome, Resolve.Summary ?? "");
        return Write(id, nameof(Resolve), Roles.Hotline, () => Writes.ExecuteAsync<TroubleWriteModel, ResolveTrouble>(id, FormVersion, User, command,
            trouble => ResolveTroubleDecision.Decide(trouble, command, clock.GetUtcNow()), ct), ct);
    }

    public Task<IActionResult> OnPostClose(Guid id, CancellationToken ct) =>
        Write(id, "Close", Roles.Hotline, () => Writes.ExecuteAsync<TroubleWriteModel>(id, FormVersion, User,
            trouble => CloseTroubleDecision.Decide(trouble, clock.GetUtcNow()), ct), ct);

    public Task<IActionResult> OnPostAcknowledge(Guid id, CancellationToken ct) =>
        Write(id, "Acknowledge", Roles.Company, () => Writes.ExecuteAsync<TroubleWriteModel>(id, null, User,
            trouble => AcknowledgeResolutionDecision.Decide(trouble, clock.GetUtcNow()), ct), ct);

    public Task<IActionResult> OnPostReopen(Guid id, CancellationToken ct)
    {
        var command = new ReopenTrouble(Reopen.Reason ?? "");
        return Write(id, nameof(Reopen), Roles.Hotline + "," + Roles.Company, () => Writes.ExecuteAsync<TroubleWriteModel, ReopenTrouble>(id, Expected,
            User, command, trouble =>
            {
                var now = clock.GetUtcNow();
                return ReopenTroubleDecision.Decide(trouble, command, levels.ResolutionDue(now, trouble.Priority), now);
            }, ct), ct);
    }

    /// <summary>
    /// The If-Match of a form. Company users get none: the company view does not disclose the case's version (it
    /// counts internal lines), exactly as the API's company view; their actions are checked against the current state.
    /// </summary>
    private long? Expected => ForCompanyUser ? null : FormVersion;

    private bool ForCompanyUser => TroubleAccess.CompanyOf(User) is not null;

    private async Task<IActionResult> Write(Guid id, string form, string roles, Func<Task<WriteOutcome>> write, CancellationToken ct)
    {
        if (!User.IsAnyOf(roles)) return Forbid();
        if (BoundCleanly(form) && Accepted(await write(), form)) return Redirect($"/cases/{id}");
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var trouble = await session.LoadAsync<TroubleCase>(id, ct);
        if (trouble is null || !TroubleAccess.CanSee(User, trouble)) return false;
        ForCompany = ForCompanyUser;
        var view = TroubleCaseView.For(trouble, clock.GetUtcNow());
        Case = ForCompany ? view.AsCompanySees() : view;
        if (PostedForm is null) FormVersion = ForCompany ? null : trouble.Version;
        Project = await session.LoadAsync<ProjectStatus>(trouble.ProjectId, ct);
        Timeline = CaseTimeline.Of(await session.Events.FetchStreamAsync(id, token: ct), display, ForCompany);
        Documents = await Pages.Documents.DocumentsPanel.LoadAsync(session, User, ProjectCases.Documents.DocumentOwner.Trouble, id,
            writable: trouble.Status != TroubleStatus.Closed, TempData[Pages.Documents.UploadModel.ErrorKey] as string, filing.MaxBytes, ct);
        return true;
    }
}

public sealed class TriageForm
{
    public Priority? Priority { get; set; }
    public TroubleCategory? Category { get; set; }

    public TriageTrouble ToCommand() => new(Priority, Category);
}

public sealed class AssignForm { public string? Officer { get; set; } }

public sealed class ConsultForm
{
    public Agency? Agency { get; set; }
    public string? Note { get; set; }
}

public sealed class TopClaimForm
{
    public JapanLevel? RaisedBy { get; set; }
    public string? RaisedWith { get; set; }
    public DateOnly? RaisedOn { get; set; }
    public string? Channel { get; set; }
}

public sealed class NoteForm
{
    public string? Text { get; set; }
    public NoteVisibility? Visibility { get; set; }
}

public sealed class ResolveForm
{
    public ResolutionOutcome? Outcome { get; set; }
    public string? Summary { get; set; }
}

public sealed class ReopenForm { public string? Reason { get; set; } }
