using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.CountryRisks;

public sealed record RecordRiskDecision(
    [property: Required] Guid? RiskId,
    [property: Required] RiskDecisionKind? Decision,
    [property: Required, StringLength(4000)] string Reason,
    [property: Required, BusinessDate] DateOnly? DecidedOn,
    [property: Required] JapanLevel? DecidedBy,
    [property: BusinessDate(allowFutureYears: 5)] DateOnly? ReviewOn) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Decision == RiskDecisionKind.Withdraw && ReviewOn is not null)
            yield return new ValidationResult("a withdrawal is final and has no review date; leave reviewOn out.", [nameof(ReviewOn)]);
        else if (Decision is not null && Decision != RiskDecisionKind.Withdraw && ReviewOn is null)
            yield return new ValidationResult("is required unless the decision is Withdraw: when will the call be reviewed?", [nameof(ReviewOn)]);
        else if (ReviewOn is { } review && DecidedOn is { } decided && review < decided)
            yield return new ValidationResult("must be on or after decidedOn.", [nameof(ReviewOn)]);
    }
}

public static class RecordRiskDecisionDecision
{
    private static readonly ProjectStatusValue[] Interrupted =
        [ProjectStatusValue.Suspended, ProjectStatusValue.Postponed, ProjectStatusValue.OnHold];

    /// <summary>
    /// The status a decision moves the project to: Suspend → Suspended, Postpone → Postponed, Withdraw → Withdrawn;
    /// Continue (with or without conditions) resumes an interrupted project and leaves a running one as it is.
    /// Null: no status change (also when the project already has that status).
    /// </summary>
    public static ProjectStatusValue? StatusAfter(RiskDecisionKind decision, ProjectStatusValue? current)
    {
        ProjectStatusValue? target = decision switch
        {
            RiskDecisionKind.Suspend => ProjectStatusValue.Suspended,
            RiskDecisionKind.Postpone => ProjectStatusValue.Postponed,
            RiskDecisionKind.Withdraw => ProjectStatusValue.Withdrawn,
            _ => current is { } c && Interrupted.Contains(c) ? ProjectStatusValue.Resumed : null,
        };
        return target == current ? null : target;
    }

    /// <summary>
    /// The decision on the project's own stream, and its status change through the same rules as
    /// POST /status (ChangeProjectStatusDecision: nothing after Withdrawn, ...). The risk must exist, be open and
    /// be linked to the project.
    /// </summary>
    public static Decision Decide(ProjectWriteModel project, RecordRiskDecision command, CountryRiskWriteModel? risk, Guid decisionId)
    {
        var riskId = command.RiskId!.Value;
        if (risk is null) return Decision.NotFound($"No country risk {riskId} exists.");
        if (risk.IsClosed) return Decision.Conflict("The country risk is closed; decisions are recorded while it is open.");
        if (project.FindRisk(riskId) is null)
            return Decision.Conflict("The project is not linked to this country risk (a Warning or Crisis links the country's projects and those named, within seconds of opening).");
        if (project.Status == ProjectStatusValue.Withdrawn)
            return Decision.Conflict("The project was withdrawn; no further decision can be recorded on it.");

        var decided = new CountryRiskDecided(project.Id, riskId, decisionId, command.Decision!.Value, command.Reason.Trim(), command.DecidedOn!.Value,
            command.DecidedBy!.Value, command.Decision == RiskDecisionKind.Withdraw ? null : command.ReviewOn);
        if (StatusAfter(decided.Decision, project.Status) is not { } next) return Decision.Accept(decided);

        var change = ChangeProjectStatusDecision.Decide(project,
            new ChangeProjectStatus(next, $"Country risk decision ({decided.Decision}): {decided.Reason}", decided.DecidedOn));
        return change.IsAccepted ? Decision.Accept([decided, .. change.Events]) : change;
    }
}

public static class RecordRiskDecisionEndpoint
{
    /// <summary>The risk as it stands (read only: the decision is the project's fact, the risk's stream is not written).</summary>
    public static async Task<CountryRiskWriteModel?> LoadAsync(RecordRiskDecision command, IDocumentSession session, CancellationToken ct) =>
        command.RiskId is { } riskId ? await session.Events.FetchLatest<CountryRiskWriteModel>(riskId, ct) : null;

    [ProducesResponseType<RiskDecisionWritten>(201)]
    [WolverinePost("/api/projects/{id}/risk-decisions"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(RecordRiskDecision command, [WriteAggregate(Required = false)] ProjectWriteModel project,
        CountryRiskWriteModel? risk)
    {
        var decisionId = Guid.CreateVersion7();
        return WriteResults.Answer(RecordRiskDecisionDecision.Decide(project, command, risk, decisionId), project.Id, project.Version,
            version => new RiskDecisionWritten(project.Id, version, decisionId), createdAt: $"/api/projects/{project.Id}");
    }
}
