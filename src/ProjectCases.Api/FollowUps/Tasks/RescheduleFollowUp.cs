using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using Wolverine;
using Wolverine.Http;

namespace ProjectCases.FollowUps.Tasks;

public sealed record RescheduleFollowUp(
    [property: Required, BusinessDate(allowFutureYears: 5)] DateOnly? DueOn,
    [property: Required, StringLength(2000)] string Reason);

public static class RescheduleFollowUpDecision
{
    public static Decision Decide(FollowUpTask task, RescheduleFollowUp command) =>
        FollowUpWrites.MustBeOpen(task, "reschedule it") ??
        (task.DueOn == command.DueOn
            ? Decision.Conflict($"The task is already due on {task.DueOn:yyyy-MM-dd}.")
            : Decision.Accept(new FollowUpRescheduled(task.Id, command.DueOn!.Value, command.Reason.Trim())));
}

public static class RescheduleFollowUpEndpoint
{
    /// <summary>A new due date gets a new overdue check; the old check then finds nothing to do.</summary>
    [WolverinePost("/api/follow-ups/{id}/reschedule"), Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
    public static async Task<IResult> Post(Guid id, RescheduleFollowUp command, HttpContext context, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        var (stream, refusal) = await FollowUpWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var decision = RescheduleFollowUpDecision.Decide(stream!.Aggregate!, command);
        if (decision.IsAccepted) await FollowUpDueCheck.ScheduleAsync(bus, id, command.DueOn!.Value);
        return StreamWrites<FollowUpTask>.Apply(stream, decision, context);
    }
}
