using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Organisations;
using ProjectCases.Projects;
using ProjectCases.Projects.Agreements;
using ProjectCases.Projects.Corrections;
using ProjectCases.Projects.Studies;
using ProjectCases.Projects.List;
using ProjectCases.Projects.Status;
using ProjectCases.Projects.Tenders;
using ProjectCases.Projects.Touchpoints;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Projects;

/// <summary>
/// The officer's forms on a project: log a touchpoint (also for other projects), open a tender, record Japanese bids,
/// award a contract, change the status. Each runs the endpoint's own decision through <see cref="ConsoleWrites"/>
/// with the version the form was rendered at as If-Match; accepted, it goes back to the case file.
/// </summary>
[Authorize(Roles = Roles.ProjectWriters)]
public sealed class RecordModel(ConsoleWrites writes, IQuerySession session, Display display, TimeProvider clock) : FormPage(writes)
{
    [BindProperty] public OutcomeForm Outcome { get; set; } = new();
    [BindProperty] public StudyForm Study { get; set; } = new();
    [BindProperty] public StudyCompletionForm StudyCompletion { get; set; } = new();
    [BindProperty] public AgreementForm Agreement { get; set; } = new();
    [BindProperty] public TenderFailureForm Failure { get; set; } = new();
    [BindProperty] public DirectAwardForm DirectAward { get; set; } = new();
    [BindProperty] public VoidProjectForm VoidProject { get; set; } = new();
    [BindProperty] public TouchpointForm Touchpoint { get; set; } = new();
    [BindProperty] public TenderForm Tender { get; set; } = new();
    [BindProperty] public BidsForm Bids { get; set; } = new();
    [BindProperty] public AwardForm Award { get; set; } = new();
    [BindProperty] public StatusForm Status { get; set; } = new();

    public ProjectStatus Project { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> OtherProjects { get; private set; } = [];
    /// <summary>Open tenders first (the usual choice); closed ones stay choosable, and the server says why they are refused.</summary>
    public IEnumerable<SelectListItem> Tenders => Project.Tenders.OrderBy(t => t.State != TenderState.Open).Select(t =>
        new SelectListItem($"{t.Package} ({display.Enum(t.State)})", t.TenderId.ToString()));
    public IEnumerable<SelectListItem> Kinds => Options<TouchpointKind>(display);
    public IEnumerable<SelectListItem> Levels => Options<JapanLevel>(display);
    public IEnumerable<SelectListItem> TenderTypes => Options<TenderType>(display);
    public IEnumerable<SelectListItem> AwardTypes => Options<AwardType>(display);
    public IEnumerable<SelectListItem> Scopes => Options<AwardScope>(display);
    public IEnumerable<SelectListItem> Statuses => Options<ProjectStatusValue>(display);
    /// <summary>Touchpoints without an outcome first, newest first.</summary>
    public IEnumerable<SelectListItem> Touchpoints => Project.Touchpoints.OrderBy(t => t.HasOutcome).ThenByDescending(t => t.OccurredOn).Select(t =>
        new SelectListItem($"{display.Enum(t.Kind)} {display.Date(t.OccurredOn)}", t.TouchpointId.ToString()));
    /// <summary>Studies not completed first.</summary>
    public IEnumerable<SelectListItem> Studies => Project.Studies.OrderBy(s => s.CompletedOn is not null).Select(s =>
        new SelectListItem($"{display.Enum(s.StudyType)} {display.Date(s.StartedOn)}", s.StudyId.ToString()));
    public IEnumerable<SelectListItem> StudyTypes => Options<StudyType>(display);
    public IEnumerable<SelectListItem> AgreementTypes => Options<AgreementType>(display);
    public IEnumerable<SelectListItem> AgreementLevels => Options<AgreementLevel>(display);
    public IEnumerable<SelectListItem> FailureReasons => Options<TenderFailureReason>(display);
    public IEnumerable<SelectListItem> YesNo => [new(display.Text("Yes"), "true"), new(display.Text("No"), "false")];

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostTouchpoint(Guid id, CancellationToken ct)
    {
        var command = Touchpoint.ToCommand();
        var touchpointId = Guid.CreateVersion7();
        return Write(id, nameof(Touchpoint), () => Writes.ExecuteAsync<ProjectWriteModel, LogTouchpoint>(id, FormVersion, User, command,
            (s, project, token) => LogTouchpointInProcess.DecideAsync(s, project, command, touchpointId, token), ct), ct);
    }

    public Task<IActionResult> OnPostTender(Guid id, CancellationToken ct)
    {
        var command = Tender.ToCommand();
        var tenderId = Guid.CreateVersion7();
        return Write(id, nameof(Tender), () => Writes.ExecuteAsync<ProjectWriteModel, OpenTender>(id, FormVersion, User, command,
            project => OpenTenderDecision.Decide(project, command, tenderId), ct), ct);
    }

    public Task<IActionResult> OnPostBids(Guid id, CancellationToken ct)
    {
        var command = Bids.ToCommand();
        return Write(id, nameof(Bids), () => Writes.ExecuteAsync<ProjectWriteModel, RecordJapaneseBids>(id, FormVersion, User, command,
            project => RecordJapaneseBidsDecision.Decide(project, Bids.TenderId ?? Guid.Empty, command), ct), ct);
    }

    public IReadOnlyList<SelectListItem> Winners { get; private set; } = [];

    /// <summary>A winner picked from the organisations on record must still be there (the endpoint's check); its name fills an empty winner field.</summary>
    public async Task<IActionResult> OnPostAward(Guid id, CancellationToken ct)
    {
        Award.Winner = string.IsNullOrWhiteSpace(Award.Winner) ? await OrganisationChoices.NameAsync(session, Award.WinnerId, ct) : Award.Winner;
        var command = Award.ToCommand();
        if (await OrganisationReferences.MissingAsync(session, "winnerId", [command.WinnerId], ct) is { } missing)
            return await Write(id, nameof(Award), () => Task.FromResult(new Infrastructure.Decisions.WriteOutcome(null, missing)), ct);
        var awardId = Guid.CreateVersion7();
        return await Write(id, nameof(Award), () => Writes.ExecuteAsync<ProjectWriteModel, AwardTender>(id, FormVersion, User, command,
            project => AwardTenderDecision.Decide(project, Award.TenderId ?? Guid.Empty, command, awardId), ct), ct);
    }

    public Task<IActionResult> OnPostStatus(Guid id, CancellationToken ct)
    {
        var command = Status.ToCommand();
        return Write(id, nameof(Status), () => Writes.ExecuteAsync<ProjectWriteModel, ChangeProjectStatus>(id, FormVersion, User, command,
            project => ChangeProjectStatusDecision.Decide(project, command), ct), ct);
    }

    public Task<IActionResult> OnPostOutcome(Guid id, CancellationToken ct)
    {
        var command = Outcome.ToCommand();
        return Write(id, nameof(Outcome), () => Writes.ExecuteAsync<ProjectWriteModel, RecordTouchpointOutcome>(id, FormVersion, User, command,
            project => RecordTouchpointOutcomeDecision.Decide(project, Outcome.TouchpointId ?? Guid.Empty, command, TokyoTime.Today(clock)), ct), ct);
    }

    public Task<IActionResult> OnPostStudy(Guid id, CancellationToken ct)
    {
        var command = Study.ToCommand();
        var studyId = Guid.CreateVersion7();
        return Write(id, nameof(Study), () => Writes.ExecuteAsync<ProjectWriteModel, StartStudy>(id, FormVersion, User, command,
            project => StartStudyDecision.Decide(project, command, studyId), ct), ct);
    }

    public Task<IActionResult> OnPostStudyCompletion(Guid id, CancellationToken ct)
    {
        var command = StudyCompletion.ToCommand();
        return Write(id, nameof(StudyCompletion), () => Writes.ExecuteAsync<ProjectWriteModel, CompleteStudy>(id, FormVersion, User, command,
            project => CompleteStudyDecision.Decide(project, StudyCompletion.StudyId ?? Guid.Empty, command), ct), ct);
    }

    public Task<IActionResult> OnPostAgreement(Guid id, CancellationToken ct)
    {
        var command = Agreement.ToCommand();
        var agreementId = Guid.CreateVersion7();
        return Write(id, nameof(Agreement), () => Writes.ExecuteAsync<ProjectWriteModel, SignAgreement>(id, FormVersion, User, command,
            project => SignAgreementDecision.Decide(project, command, agreementId), ct), ct);
    }

    public Task<IActionResult> OnPostFailure(Guid id, CancellationToken ct)
    {
        var command = Failure.ToCommand();
        return Write(id, nameof(Failure), () => Writes.ExecuteAsync<ProjectWriteModel, FailTender>(id, FormVersion, User, command,
            project => FailTenderDecision.Decide(project, Failure.TenderId ?? Guid.Empty, command), ct), ct);
    }

    public Task<IActionResult> OnPostDirectAward(Guid id, CancellationToken ct)
    {
        var command = DirectAward.ToCommand();
        var awardId = Guid.CreateVersion7();
        return Write(id, nameof(DirectAward), () => Writes.ExecuteAsync<ProjectWriteModel, RecordAward>(id, FormVersion, User, command,
            project => RecordAwardDecision.Decide(project, command, awardId), ct), ct);
    }

    /// <summary>A project registered by mistake: hidden from lists and reports (auditors still read it); back to the list.</summary>
    public async Task<IActionResult> OnPostVoidProject(Guid id, CancellationToken ct)
    {
        var command = new VoidProject(VoidProject.Reason ?? "");
        if (BoundCleanly(nameof(VoidProject)) && Accepted(await Writes.ExecuteAsync<ProjectWriteModel, VoidProject>(id, FormVersion, User, command,
                async (s, project, token) => CorrectionDecisions.VoidProject(project, await CorrectedStream.ReadAsync(s, id, token), command.Reason), ct),
                nameof(VoidProject)))
            return Redirect("/projects");
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> Write(Guid id, string form, Func<Task<Infrastructure.Decisions.WriteOutcome>> write, CancellationToken ct)
    {
        if (BoundCleanly(form) && Accepted(await write(), form)) return Redirect($"/projects/{id}");
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        if (await GetProjectEndpoint.CurrentAsync(id, User, session, ct) is not { } project) return false;
        Project = project;
        Winners = await OrganisationChoices.CompaniesAsync(session, Award.WinnerId, ct);
        // A refused form keeps the version it was rendered at: a reload shows the current one.
        if (PostedForm is null) FormVersion = project.Version;
        var others = await ListProjectsEndpoint.QueryAsync(session, new ProjectFilter(), 1, 200, ct);
        OtherProjects = [.. others.Items.Where(p => p.Id != id).Select(p => new SelectListItem(
            ConsoleCulture.NameOf(p.Name, p.NameJa), p.Id.ToString(),
            Touchpoint.AlsoForProjectIds?.Contains(p.Id) == true))];
        return true;
    }
}

public sealed class TouchpointForm
{
    public TouchpointKind? Kind { get; set; }
    public BusinessDate? OccurredOn { get; set; }
    public JapanLevel? JapanLevel { get; set; }
    public string? Counterpart { get; set; }
    public string? Location { get; set; }
    public string? Summary { get; set; }
    public string? Outcome { get; set; }
    public List<Guid>? AlsoForProjectIds { get; set; }

    public LogTouchpoint ToCommand() => new(Kind, OccurredOn, JapanLevel, Counterpart ?? "", Location, Summary ?? "", Outcome,
        AlsoForProjectIds is { Count: > 0 } others ? others : null);
}

public sealed class TenderForm
{
    public string? Package { get; set; }
    public TenderType? TenderType { get; set; }
    public BusinessDate? OpenedOn { get; set; }
    public DateOnly? Deadline { get; set; }

    public OpenTender ToCommand() => new(Package ?? "", TenderType, OpenedOn, Deadline);
}

public sealed class BidsForm
{
    public Guid? TenderId { get; set; }
    /// <summary>One bidder a line.</summary>
    public string? Bidders { get; set; }
    public BusinessDate? SubmittedOn { get; set; }

    public RecordJapaneseBids ToCommand() => new(
        [.. (Bidders ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], SubmittedOn);
}

public sealed class MoneyForm
{
    public decimal? Value { get; set; }
    public string? Currency { get; set; }

    public MoneyInput? ToInput() => Value is null && string.IsNullOrWhiteSpace(Currency) ? null : new MoneyInput(Value ?? 0, Currency?.Trim().ToUpperInvariant() ?? "");
}

public sealed class AwardForm
{
    public Guid? TenderId { get; set; }
    public string? Winner { get; set; }
    public Guid? WinnerId { get; set; }
    public bool? JapaneseWinner { get; set; }
    public AwardType? AwardType { get; set; }
    public AwardScope? Scope { get; set; }
    public MoneyForm Amount { get; set; } = new();
    public decimal? AmountJpy { get; set; }
    public BusinessDate? AwardedOn { get; set; }

    public AwardTender ToCommand() => new(Winner, JapaneseWinner, AwardType, Scope, Amount.ToInput(), AmountJpy, AwardedOn) { WinnerId = WinnerId };
}

public sealed class StatusForm
{
    public ProjectStatusValue? Status { get; set; }
    public string? Reason { get; set; }
    public BusinessDate? EffectiveOn { get; set; }

    public ChangeProjectStatus ToCommand() => new(Status, Reason ?? "", EffectiveOn);
}

public sealed class OutcomeForm
{
    public Guid? TouchpointId { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? RecordedOn { get; set; }

    public RecordTouchpointOutcome ToCommand() => new(Outcome ?? "", RecordedOn);
}

public sealed class StudyForm
{
    public StudyType? StudyType { get; set; }
    public DateOnly? StartedOn { get; set; }
    public string? ConductedBy { get; set; }
    public string? Summary { get; set; }

    public StartStudy ToCommand() => new(StudyType, StartedOn, ConductedBy, Summary);
}

public sealed class StudyCompletionForm
{
    public Guid? StudyId { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Findings { get; set; }

    public CompleteStudy ToCommand() => new(CompletedOn, Findings);
}

public sealed class AgreementForm
{
    public AgreementType? AgreementType { get; set; }
    public AgreementLevel? Level { get; set; }
    public string? Title { get; set; }
    /// <summary>One party a line.</summary>
    public string? Parties { get; set; }
    public DateOnly? SignedOn { get; set; }
    public string? Tranche { get; set; }

    public SignAgreement ToCommand() => new(AgreementType, Level, Title ?? "",
        [.. (Parties ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], SignedOn, Tranche);
}

public sealed class TenderFailureForm
{
    public Guid? TenderId { get; set; }
    public TenderFailureReason? Reason { get; set; }
    public DateOnly? On { get; set; }

    public FailTender ToCommand() => new(Reason, On);
}

/// <summary>An award with no tender on record (priority negotiation, direct negotiation, G2G).</summary>
public sealed class DirectAwardForm
{
    public string? Package { get; set; }
    public string? Winner { get; set; }
    public bool? JapaneseWinner { get; set; }
    public AwardType? AwardType { get; set; }
    public AwardScope? Scope { get; set; }
    public MoneyForm Amount { get; set; } = new();
    public decimal? AmountJpy { get; set; }
    public DateOnly? AwardedOn { get; set; }

    public RecordAward ToCommand() => new(Package ?? "", Winner, JapaneseWinner, AwardType, Scope, Amount.ToInput(), AmountJpy, AwardedOn);
}

public sealed class VoidProjectForm
{
    public string? Reason { get; set; }
}
