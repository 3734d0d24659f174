using System.ComponentModel.DataAnnotations;
using Marten;
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

namespace ProjectCases.Troubles;

public sealed record ReporterInput(string? Company, CompanyType? CompanyType, string? ContactName, string? Email);

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
        if (AmountAtStake is { } amount && (amount.Value <= 0 || !Currencies.IsKnown(amount.Currency)))
            yield return new ValidationResult("must be a positive value in an ISO 4217 currency.", ["AmountAtStake"]);
    }
}

public static class ReportTroubleDecision
{
    /// <summary>The hotline is for trouble after award: a project with no award on record is refused (422).</summary>
    public static Decision Decide(ProjectStatus? project, Guid projectId, ReportTrouble command, string company, Guid troubleId,
        DateTimeOffset now, ServiceDues dues)
    {
        if (project is null) return Decision.NotFound($"No project {projectId} exists.");
        if (project.Awards.Count == 0)
            return Decision.Unprocessable($"The hotline handles trouble after award, and project '{project.Name}' has no award on record yet.");
        var reporter = new Reporter(company.Trim(), command.Reporter.CompanyType!.Value, command.Reporter.ContactName!.Trim(), command.Reporter.Email!.Trim());
        var money = command.AmountAtStake is { } a ? new Money(a.Value, a.Currency) : null;
        return Decision.Accept(new TroubleReported(troubleId, project.Id, command.Category!.Value, command.Summary.Trim(), command.Details.Trim(),
            command.OccurredOn!.Value, reporter, money, now, Priority.Medium, dues));
    }
}

public static class ReportTroubleEndpoint
{
    /// <summary>Starts a case stream. The project's stream is left alone: its open-trouble count is read from the cases.</summary>
    [WolverinePost("/api/troubles"), Authorize(Roles = Roles.Company + "," + Roles.Hotline)]
    public static async Task<IResult> Post(ReportTrouble command, HttpContext context, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, ServiceLevelClock levels, CancellationToken ct)
    {
        // A company reports as itself (token), never as the company named in the body.
        var company = TroubleAccess.CompanyOf(context.User) ?? command.Reporter.Company;
        if (string.IsNullOrWhiteSpace(company))
            return Results.Problem(Infrastructure.Errors.FieldErrors.Problem([("reporter.company", "is required.")]));

        var project = await session.LoadAsync<ProjectStatus>(command.ProjectId!.Value, ct);
        var (id, now) = (Guid.CreateVersion7(), clock.GetUtcNow());
        var dues = levels.Dues(now, Priority.Medium); // untriaged cases run on Medium targets
        var decision = ReportTroubleDecision.Decide(project, command.ProjectId.Value, command, company, id, now, dues);
        if (decision.Refusal is { } refusal) return StreamWrites<TroubleCase>.Refuse(refusal);

        var reported = decision.Events.Single();
        session.Events.StartStream<TroubleCase>(id, reported);
        await ServiceLevelChecks.ScheduleAsync(bus, id, dues);
        return WriteResults.Created(context, $"/api/troubles/{id}", new WriteAccepted(id, 1), 1);
    }
}
