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

public sealed record FailTender(
    [property: Required] TenderFailureReason? Reason,
    [property: Required, BusinessDate] BusinessDate? On);

public static class FailTenderDecision
{
    public static Decision Decide(ProjectWriteModel project, Guid tenderId, FailTender command)
    {
        var (tender, refusal) = OpenTenders.Find(project, tenderId, "record a failure");
        if (refusal is not null) return refusal;
        if (command.On!.Value.EndsBefore(tender!.OpenedOn))
            return Decision.Unprocessable($"A tender cannot fail ({command.On}) before it opened ({tender.OpenedOn}).");
        return Decision.Accept(new TenderFailed(project.Id, tenderId, command.Reason!.Value, command.On!.Value));
    }
}

public static class FailTenderEndpoint
{
    /// <summary>No bidders, cancelled, or to be re-tendered: closes the tender without an award.</summary>
    [ProducesResponseType<TenderWritten>(200)]
    [WolverinePost("/api/projects/{id}/tenders/{tenderId}/fail"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(Guid tenderId, FailTender command, [WriteAggregate(Required = false)] ProjectWriteModel project) =>
        WriteResults.Answer(FailTenderDecision.Decide(project, tenderId, command), project.Id, project.Version,
            version => new TenderWritten(project.Id, version, tenderId));
}
