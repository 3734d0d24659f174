using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.FollowUps.Rules;

namespace ProjectCases.FollowUps.Tasks;

public sealed record CreateFollowUp(
    Guid? ProjectId, Guid? TroubleId,
    [property: Required, StringLength(500)] string Title,
    [property: Required, BusinessDate(allowFutureYears: 5)] DateOnly? DueOn,
    [property: StringLength(200)] string? Owner);

public static class CreateFollowUpDecision
{
    /// <summary>A manual task, checked for overdue at the end of its due date. Owner defaults to the caller.</summary>
    public static Decision Decide(CreateFollowUp command, Guid taskId, string caller) =>
        Decision.Accept(new FollowUpScheduled(taskId, command.Title.Trim(), string.IsNullOrWhiteSpace(command.Owner) ? caller : command.Owner.Trim(),
                command.DueOn!.Value, RuleId.Manual.Key, null, command.TroubleId ?? command.ProjectId, command.ProjectId, command.TroubleId))
            .With(FollowUpDueCheck.For(taskId, command.DueOn.Value));
}

public static class CreateFollowUpEndpoint
{
    /// <summary>A named project or case must exist: 404 otherwise.</summary>
    public static async Task<ProblemDetails> ValidateAsync(CreateFollowUp command, IQuerySession session, CancellationToken ct)
    {
        if (command.ProjectId is { } projectId && await session.LoadAsync<ProjectStatus>(projectId, ct) is null) return ProjectWriteModel.NotFound(projectId);
        if (command.TroubleId is { } troubleId && await session.LoadAsync<TroubleCase>(troubleId, ct) is null) return TroubleWriteModel.NotFound(troubleId);
        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/follow-ups"), Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
    public static (IResult, IStartStream, OutgoingMessages) Post(CreateFollowUp command, ClaimsPrincipal user)
    {
        var id = Guid.CreateVersion7();
        var decision = CreateFollowUpDecision.Decide(command, id, user.Identity!.Name!);
        return (WriteResults.Created($"/api/follow-ups/{id}", new WriteAccepted(id, 1), 1),
            MartenOps.StartStream<FollowUpTask>(id, [.. decision.Events]), [.. decision.Messages]);
    }
}
