using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.FollowUps.Tasks;

public sealed record CancelFollowUp([property: Required, StringLength(2000, MinimumLength = 1)] string Reason);

public static class CancelFollowUpDecision
{
    /// <summary>Only an open task is cancelled; a done or cancelled one → 409.</summary>
    public static Decision Decide(FollowUpWriteModel task, CancelFollowUp command) =>
        task.MustBeOpen("cancel it") ?? Decision.Accept(new FollowUpCancelled(task.Id, command.Reason.Trim()));
}

public static class CancelFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups/{id}/cancel"), Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(CancelFollowUp command, [WriteAggregate(Required = false)] FollowUpWriteModel task) =>
        WriteResults.Answer(CancelFollowUpDecision.Decide(task, command), task.Id, task.Version);
}
