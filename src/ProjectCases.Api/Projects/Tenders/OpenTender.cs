using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Projects.Tenders;

public sealed record OpenTender(
    [property: Required, StringLength(500)] string Package,
    [property: Required] TenderType? TenderType,
    [property: BusinessDate] BusinessDate? OpenedOn,
    [property: BusinessDate(allowFutureYears: 10)] DateOnly? Deadline) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Deadline is { } deadline && BusinessDate.Day(deadline).EndsBefore(OpenedOn))
            yield return new ValidationResult($"the deadline ({Deadline:yyyy-MM-dd}) cannot be before the opening ({OpenedOn}).", [nameof(Deadline)]);
    }
}

public static class OpenTenderDecision
{
    public static Decision Decide(ProjectWriteModel project, OpenTender command, Guid tenderId) =>
        Decision.Accept(new TenderOpened(project.Id, tenderId, command.Package.Trim(), command.TenderType!.Value, command.OpenedOn, command.Deadline));
}

public static class OpenTenderEndpoint
{
    [ProducesResponseType<TenderWritten>(201)]
    [WolverinePost("/api/projects/{id}/tenders"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(OpenTender command, [WriteAggregate(Required = false)] ProjectWriteModel project)
    {
        var tenderId = Guid.CreateVersion7();
        return WriteResults.Answer(OpenTenderDecision.Decide(project, command, tenderId), project.Id, project.Version,
            version => new TenderWritten(project.Id, version, tenderId), createdAt: $"/api/projects/{project.Id}");
    }
}
