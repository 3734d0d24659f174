using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects.Status;
using Wolverine.Http;

namespace ProjectCases.Projects.Tenders;

public sealed record FailTender(
    [property: Required] TenderFailureReason? Reason,
    [property: Required, BusinessDate] DateOnly? On);

public static class FailTenderDecision
{
    public static Decision Decide(ProjectStatus project, Guid tenderId, FailTender command)
    {
        var (tender, refusal) = OpenTenders.Find(project, tenderId, "record a failure");
        if (refusal is not null) return refusal;
        if (command.On < tender!.OpenedOn)
            return Decision.Unprocessable($"A tender cannot fail ({command.On:yyyy-MM-dd}) before it opened ({tender.OpenedOn:yyyy-MM-dd}).");
        return Decision.Accept(new TenderFailed(project.Id, tenderId, command.Reason!.Value, command.On!.Value));
    }
}

public static class FailTenderEndpoint
{
    /// <summary>No bidders, cancelled, or to be re-tendered: closes the tender without an award.</summary>
    [WolverinePost("/api/projects/{id}/tenders/{tenderId}/fail"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, Guid tenderId, FailTender command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return ProjectWrites.Apply(stream!, FailTenderDecision.Decide(stream!.Aggregate!, tenderId, command), context,
            version => new { id, version, tenderId });
    }
}
