using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects.Status;
using Wolverine.Http;

namespace ProjectCases.Projects.Touchpoints;

public sealed record RecordTouchpointOutcome(
    [property: Required, StringLength(4000)] string Outcome,
    [property: BusinessDate] DateOnly? RecordedOn);

public static class RecordTouchpointOutcomeDecision
{
    public static Decision Decide(ProjectStatus project, Guid touchpointId, RecordTouchpointOutcome command, DateOnly today)
    {
        var touchpoint = project.Touchpoints.FirstOrDefault(t => t.TouchpointId == touchpointId);
        if (touchpoint is null) return Decision.NotFound($"Project {project.Id} has no touchpoint {touchpointId}.");
        if (touchpoint.HasOutcome) return Decision.Conflict("This touchpoint already has an outcome recorded.");
        var on = command.RecordedOn ?? today;
        if (on < touchpoint.OccurredOn)
            return Decision.Unprocessable($"The outcome cannot be recorded on {on:yyyy-MM-dd}, before the touchpoint itself ({touchpoint.OccurredOn:yyyy-MM-dd}).");
        return Decision.Accept(new TouchpointOutcomeRecorded(project.Id, touchpointId, command.Outcome.Trim(), on));
    }
}

public static class RecordTouchpointOutcomeEndpoint
{
    /// <summary>Records what a touchpoint achieved, later than the touchpoint itself (e.g. after a top-sales visit).</summary>
    [WolverinePost("/api/projects/{id}/touchpoints/{touchpointId}/outcome"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, Guid touchpointId, RecordTouchpointOutcome command, HttpContext context,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var decision = RecordTouchpointOutcomeDecision.Decide(stream!.Aggregate!, touchpointId, command, TokyoTime.Today(clock));
        return ProjectWrites.Apply(stream, decision, context, version => new { id, version, touchpointId });
    }
}
