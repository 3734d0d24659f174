using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.FollowUps.Tasks;

public sealed record CompleteFollowUp([property: StringLength(4000)] string? Note);

public static class CompleteFollowUpDecision
{
    public static Decision Decide(FollowUpWriteModel task, CompleteFollowUp command) =>
        task.MustBeOpen("complete it") ?? Decision.Accept(new FollowUpCompleted(task.Id, command.Note?.Trim(), null));
}

public static class CompleteFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups/{id}/complete"), Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(CompleteFollowUp command, [WriteAggregate(Required = false)] FollowUpWriteModel task) =>
        WriteResults.Answer(CompleteFollowUpDecision.Decide(task, command), task.Id, task.Version);
}
