using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using Wolverine.Http;

namespace ProjectCases.Projects.Tenders;

public sealed record OpenTender(
    [property: Required, StringLength(500)] string Package,
    [property: Required] TenderType? TenderType,
    [property: Required, BusinessDate] DateOnly? OpenedOn,
    [property: BusinessDate(allowFutureYears: 10)] DateOnly? Deadline) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Deadline < OpenedOn)
            yield return new ValidationResult($"the deadline ({Deadline:yyyy-MM-dd}) cannot be before the opening ({OpenedOn:yyyy-MM-dd}).", [nameof(Deadline)]);
    }
}

public static class OpenTenderDecision
{
    public static Decision Decide(Guid projectId, OpenTender command, Guid tenderId) =>
        Decision.Accept(new TenderOpened(projectId, tenderId, command.Package.Trim(), command.TenderType!.Value, command.OpenedOn!.Value, command.Deadline));
}

public static class OpenTenderEndpoint
{
    [WolverinePost("/api/projects/{id}/tenders"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, OpenTender command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var tenderId = Guid.CreateVersion7();
        return ProjectWrites.Apply(stream!, OpenTenderDecision.Decide(id, command, tenderId), context,
            version => new { id, version, tenderId }, createdAt: $"/api/projects/{id}");
    }
}
