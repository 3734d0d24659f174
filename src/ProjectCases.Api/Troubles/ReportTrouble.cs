using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using ProjectCases.Organisations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles.Cases;
using ProjectCases.Troubles.ServiceLevels;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Troubles;

/// <summary>OrganisationId: for the hotline, the reporting company as an organisation on record (a company user's comes from its token).</summary>
public sealed record ReporterInput(string? Company, CompanyType? CompanyType, string? ContactName, string? Email, Guid? OrganisationId = null);

public sealed record ReportTrouble(
    [property: Required] Guid? ProjectId,
    [property: Required] TroubleCategory? Category,
    [property: Required, StringLength(500)] string Summary,
    [property: Required, StringLength(20000)] string Details,
    [property: Required, BusinessDate] DateOnly? OccurredOn,
    [property: Required] ReporterInput Reporter,
    MoneyInput? AmountAtStake) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Reporter.CompanyType is null) yield return new ValidationResult("is required.", ["Reporter.CompanyType"]);
        if (string.IsNullOrWhiteSpace(Reporter.ContactName)) yield return new ValidationResult("is required.", ["Reporter.ContactName"]);
        if (!new EmailAddressAttribute().IsValid(Reporter.Email) || string.IsNullOrWhiteSpace(Reporter.Email))
            yield return new ValidationResult("must be an email address.", ["Reporter.Email"]);
        foreach (var problem in Amounts.Check(AmountAtStake, nameof(AmountAtStake))) yield return problem;
    }
}

public static class ReportTroubleDecision
{
    /// <summary>
    /// The hotline is for trouble after award: a project with no award on record is refused (422). The new
    /// case runs on Medium targets until triaged; both of its deadlines are checked when they fall due.
    /// </summary>
    public static Decision Decide(ProjectStatus? project, Guid projectId, ReportTrouble command, string company, Guid troubleId,
        DateTimeOffset now, ServiceDues dues, Guid? organisationId = null)
    {
        if (project is null) return Decision.NotFound($"No project {projectId} exists.");
        if (project.Awards.Count == 0)
            return Decision.Unprocessable($"The hotline handles trouble after award, and project '{project.Name}' has no award on record yet.");
        var reporter = new Reporter(company.Trim(), command.Reporter.CompanyType!.Value, command.Reporter.ContactName!.Trim(), command.Reporter.Email!.Trim(),
            organisationId);
        var money = command.AmountAtStake is { } a ? new Money(a.Value, a.Currency) : null;
        return Decision.Accept(new TroubleReported(troubleId, project.Id, command.Category!.Value, command.Summary.Trim(), command.Details.Trim(),
                command.OccurredOn!.Value, reporter, money, now, Priority.Medium, dues))
            .With(ServiceLevelChecks.For(troubleId, dues));
    }
}

/// <summary>The answer to a report: `possibleDuplicateOf` lists open cases it may repeat (empty when none).</summary>
public sealed record TroubleReportAccepted(Guid Id, long Version, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue,
    IReadOnlyList<Guid> PossibleDuplicateOf);

public static class ReportTroubleEndpoint
{
    /// <summary>The project the case is reported on (its read model: the decision only needs its awards and name).</summary>
    public static Task<ProjectStatus?> LoadAsync(ReportTrouble command, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<ProjectStatus>(command.ProjectId!.Value, ct);

    /// <summary>Open cases of the same company, project and category from the last 30 days (none when the company is unknown yet).</summary>
    public static Task<PossibleDuplicates> BeforeAsync(ReportTrouble command, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        ReporterCompany(command, user) is { Length: > 0 } company
            ? PossibleDuplicates.FindAsync(session, company, command.ProjectId!.Value, command.Category!.Value, clock.GetUtcNow(), ct)
            : Task.FromResult(new PossibleDuplicates([]));

    /// <summary>An organisation named by id must be on record (400 naming reporter.organisationId).</summary>
    public static async Task<ProblemDetails> ValidateAsync(ReportTrouble command, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        TroubleAccess.CompanyOf(user) is null && await OrganisationReferences.MissingAsync(session, "reporter.organisationId", [command.Reporter.OrganisationId], ct) is { } missing
            ? missing : WolverineContinue.NoProblems;

    /// <summary>
    /// The reporting company as an organisation on record: a company user's is the one its token's company claim names;
    /// the hotline's is the id it gives, else the organisation carrying the company's name (none while it is not on record).
    /// </summary>
    [Wolverine.Attributes.WolverineBefore]
    public static async Task<ReporterOrganisation> LoadReporterAsync(ReportTrouble command, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        TroubleAccess.CompanyOf(user) is null && command.Reporter.OrganisationId is { } given ? new ReporterOrganisation(given)
        : new ReporterOrganisation((await OrganisationReferences.OfCompanyAsync(session, ReporterCompany(command, user), ct))?.Id);

    /// <summary>A company reports as itself (token), never as the company named in the body.</summary>
    private static string? ReporterCompany(ReportTrouble command, ClaimsPrincipal user) =>
        (TroubleAccess.CompanyOf(user) ?? command.Reporter.Company)?.Trim();

    /// <summary>
    /// Starts a case stream. The project's stream is left alone: its open-trouble count is read from the cases.
    /// The answer gives the service-level due times (Japan's offset) and the possible duplicates.
    /// </summary>
    [ProducesResponseType<TroubleReportAccepted>(201)]
    [WolverinePost("/api/troubles"), Authorize(Roles = Roles.Company + "," + Roles.Hotline)]
    public static (IResult, IMartenOp, OutgoingMessages) Post(ReportTrouble command, ProjectStatus? project, PossibleDuplicates duplicates, ReporterOrganisation organisation, ClaimsPrincipal user,
        TimeProvider clock, ServiceLevelClock levels)
    {
        var company = TroubleAccess.CompanyOf(user) ?? command.Reporter.Company;
        if (string.IsNullOrWhiteSpace(company))
            return (Results.Problem(Infrastructure.Errors.FieldErrors.Problem([("reporter.company", "is required.")])), MartenOps.Nothing(), []);

        var (id, now) = (Guid.CreateVersion7(), clock.GetUtcNow());
        var dues = levels.Dues(now, Priority.Medium); // untriaged cases run on Medium targets
        var decision = ReportTroubleDecision.Decide(project, command.ProjectId!.Value, command, company, id, now, dues, organisation.Id);
        if (decision.Refusal is { } refusal) return (WriteResults.Refuse(refusal), MartenOps.Nothing(), []);
        return (WriteResults.Created($"/api/troubles/{id}", new TroubleReportAccepted(id, 1, TokyoTime.Local(dues.FirstResponseDue),
                TokyoTime.Local(dues.ResolutionDue), duplicates.CaseIds), 1),
            MartenOps.StartStream<TroubleCase>(id, [.. decision.Events]), [.. decision.Messages]);
    }
}

/// <summary>The organisation on record that reports the case, when there is one.</summary>
public sealed record ReporterOrganisation(Guid? Id);
