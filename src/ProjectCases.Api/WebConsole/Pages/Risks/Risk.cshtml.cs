using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.CountryRisks;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.WebConsole.SignIn;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Risks;

/// <summary>
/// A country risk and its crisis board (GET /api/country-risks/{id}/board, the same code): per affected project its
/// stage, status, money at stake, open cases, last touchpoint and the continue-or-withdraw call; the totals. Officers
/// and admins update or close the risk and record a decision per project, through the endpoints' own decisions.
/// </summary>
[Authorize(Roles = ReadCountryRisksEndpoints.Readers)]
public sealed class RiskModel(ConsoleWrites writes, IDocumentStore store, IQuerySession session, Display display, TimeProvider clock) : FormPage(writes)
{
    [BindProperty] public RiskUpdateForm Update { get; set; } = new();
    [BindProperty] public RiskCloseForm Close { get; set; } = new();
    [BindProperty] public RiskDecisionForm Decision { get; set; } = new();

    public CountryRiskView Risk { get; private set; } = null!;
    public CountryRiskBoardView Board { get; private set; } = null!;
    public bool MayWrite => User.IsAnyOf(Roles.ProjectWriters) && Risk.State == CountryRiskState.Open;
    /// <summary>The project whose decision form is open (`?decide=`, a link on its board row: the form carries that project's version).</summary>
    [BindProperty(SupportsGet = true, Name = "decide")] public Guid? DecideFor { get; set; }
    public AffectedProject? Deciding => Risk.AffectedProjects.FirstOrDefault(p => p.ProjectId == (Decision.ProjectId ?? DecideFor));
    public IEnumerable<SelectListItem> Severities => Options<CountryRiskSeverity>(display);
    public IEnumerable<SelectListItem> DecisionKinds => Options<RiskDecisionKind>(display);
    public IEnumerable<SelectListItem> Levels => Options<JapanLevel>(display);

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostUpdate(Guid id, CancellationToken ct)
    {
        var command = Update.ToCommand();
        return Write(id, nameof(Update), () => Writes.ExecuteAsync<CountryRiskWriteModel, UpdateCountryRisk>(id, FormVersion, User, command,
            risk => UpdateCountryRiskDecision.Decide(risk, command), ct), ct);
    }

    public async Task<IActionResult> OnPostClose(Guid id, CancellationToken ct)
    {
        var command = new CloseCountryRisk(Close.Summary ?? "");
        var undecided = await CloseCountryRiskEndpoint.LoadAsync(id, session, ct);
        return await Write(id, nameof(Close), () => Writes.ExecuteAsync<CountryRiskWriteModel, CloseCountryRisk>(id, FormVersion, User, command,
            risk => CloseCountryRiskDecision.Decide(risk, command, TokyoTime.Today(clock), undecided), ct), ct);
    }

    /// <summary>The decision is the project's fact: written to the project's stream, with the project's version as If-Match.</summary>
    public async Task<IActionResult> OnPostDecision(Guid id, CancellationToken ct)
    {
        var command = Decision.ToCommand(id);
        var projectId = Decision.ProjectId ?? Guid.Empty;
        // As RecordRiskDecisionEndpoint.LoadAsync: the risk as it stands, read only (the decision is the project's fact).
        CountryRiskWriteModel? risk;
        await using (var read = store.LightweightSession()) risk = await read.Events.FetchLatest<CountryRiskWriteModel>(id, ct);
        var decisionId = Guid.CreateVersion7();
        return await Write(id, nameof(Decision), () => Writes.ExecuteAsync<ProjectWriteModel, RecordRiskDecision>(projectId, Decision.ProjectVersion, User, command,
            project => RecordRiskDecisionDecision.Decide(project, command, risk, decisionId), ct), ct);
    }

    private async Task<IActionResult> Write(Guid id, string form, Func<Task<Infrastructure.Decisions.WriteOutcome>> write, CancellationToken ct)
    {
        if (BoundCleanly(form) && Accepted(await write(), form)) return Redirect($"/risks/{id}");
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<CountryRisk>(id, ct) is not { } risk) return false;
        var linked = await ReadCountryRisksEndpoints.LinkedAsync(session, id, ct);
        Risk = CountryRiskView.Of(risk, linked);
        Board = (await CountryRiskBoardEndpoint.BuildAsync(id, session, ct))!;
        ProjectVersions = linked.ToDictionary(p => p.Id, p => p.Version);
        if (PostedForm is null) FormVersion = risk.Version;
        if (PostedForm != nameof(Decision) && DecideFor is { } deciding && ProjectVersions.TryGetValue(deciding, out var version))
            (Decision.ProjectId, Decision.ProjectVersion) = (deciding, version);
        return true;
    }

    /// <summary>Each affected project's version when the page was rendered: the decision form's If-Match.</summary>
    public IReadOnlyDictionary<Guid, long> ProjectVersions { get; private set; } = new Dictionary<Guid, long>();
}

public sealed class RiskUpdateForm
{
    public DateOnly? ObservedOn { get; set; }
    public string? Summary { get; set; }
    public CountryRiskSeverity? Severity { get; set; }

    public UpdateCountryRisk ToCommand() => new(ObservedOn, Summary ?? "", Severity);
}

public sealed class RiskCloseForm
{
    public string? Summary { get; set; }
}

public sealed class RiskDecisionForm
{
    public Guid? ProjectId { get; set; }
    /// <summary>The project's version when the form was rendered (its If-Match).</summary>
    public long? ProjectVersion { get; set; }
    public RiskDecisionKind? Decision { get; set; }
    public string? Reason { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public JapanLevel? DecidedBy { get; set; }
    public DateOnly? ReviewOn { get; set; }

    public RecordRiskDecision ToCommand(Guid riskId) => new(riskId, Decision, Reason ?? "", DecidedOn, DecidedBy, ReviewOn);
}
