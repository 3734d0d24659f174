using System.ComponentModel.DataAnnotations;
using Marten;
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

namespace ProjectCases.FollowUps.Tasks;

public sealed record CreateFollowUp(
    Guid? ProjectId, Guid? TroubleId,
    [property: Required, StringLength(500)] string Title,
    [property: Required, BusinessDate(allowFutureYears: 5)] DateOnly? DueOn,
    [property: StringLength(200)] string? Owner);

public static class CreateFollowUpEndpoint
{
    /// <summary>A manual task; the owner defaults to the caller. A named project or case must exist.</summary>
    [WolverinePost("/api/follow-ups"), Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
    public static async Task<IResult> Post(CreateFollowUp command, HttpContext context, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        if (command.ProjectId is { } projectId && await session.LoadAsync<ProjectStatus>(projectId, ct) is null) return ProjectWrites.ProjectNotFound(projectId);
        if (command.TroubleId is { } troubleId && await session.LoadAsync<TroubleCase>(troubleId, ct) is null) return TroubleAccess.NotFound(troubleId);

        var id = Guid.CreateVersion7();
        var owner = string.IsNullOrWhiteSpace(command.Owner) ? context.User.Identity!.Name! : command.Owner.Trim();
        session.Events.StartStream<FollowUpTask>(id, new FollowUpScheduled(id, command.Title.Trim(), owner, command.DueOn!.Value, "manual", null,
            command.TroubleId ?? command.ProjectId, command.ProjectId, command.TroubleId));
        await FollowUpDueCheck.ScheduleAsync(bus, id, command.DueOn.Value);
        return WriteResults.Created(context, $"/api/follow-ups/{id}", new WriteAccepted(id, 1), 1);
    }
}
