using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using ProjectCases.Infrastructure.Validation;

namespace ProjectCases.FollowUps.Tasks;

public sealed record RescheduleFollowUp(
    [property: Required, BusinessDate(allowFutureYears: 5)] DateOnly? DueOn,
    [property: Required, StringLength(2000)] string Reason);

public static class RescheduleFollowUpDecision
{
    /// <summary>A new due date gets a new overdue check; the old check then finds nothing to do.</summary>
    public static Decision Decide(FollowUpWriteModel task, RescheduleFollowUp command) =>
        task.MustBeOpen("reschedule it") ??
        (task.DueOn == command.DueOn
            ? Decision.Conflict($"The task is already due on {task.DueOn:yyyy-MM-dd}.")
            : Decision.Accept(new FollowUpRescheduled(task.Id, command.DueOn!.Value, command.Reason.Trim()))
                .With(FollowUpDueCheck.For(task.Id, command.DueOn.Value)));
}

public static class RescheduleFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups/{id}/reschedule"), Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(RescheduleFollowUp command, [WriteAggregate(Required = false)] FollowUpWriteModel task) =>
        WriteResults.Answer(RescheduleFollowUpDecision.Decide(task, command), task.Id, task.Version);
}
