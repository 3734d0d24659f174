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

namespace ProjectCases.Projects.Touchpoints;

public sealed record RecordTouchpointOutcome(
    [property: Required, StringLength(4000)] string Outcome,
    [property: BusinessDate] DateOnly? RecordedOn);

public static class RecordTouchpointOutcomeDecision
{
    public static Decision Decide(ProjectWriteModel project, Guid touchpointId, RecordTouchpointOutcome command, DateOnly today)
    {
        var touchpoint = project.FindTouchpoint(touchpointId);
        if (touchpoint is null) return Decision.NotFound($"Project {project.Id} has no touchpoint {touchpointId}.");
        if (touchpoint.HasOutcome) return Decision.Conflict("This touchpoint already has an outcome recorded.");
        var on = command.RecordedOn ?? today;
        if (on < touchpoint.OccurredOn.Start)
            return Decision.Unprocessable($"The outcome cannot be recorded on {on:yyyy-MM-dd}, before the touchpoint itself ({touchpoint.OccurredOn}).");
        return Decision.Accept(new TouchpointOutcomeRecorded(project.Id, touchpointId, command.Outcome.Trim(), on));
    }
}

public static class RecordTouchpointOutcomeEndpoint
{
    /// <summary>Records what a touchpoint achieved, later than the touchpoint itself (e.g. after a top-sales visit).</summary>
    [ProducesResponseType<TouchpointWritten>(200)]
    [WolverinePost("/api/projects/{id}/touchpoints/{touchpointId}/outcome"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(Guid touchpointId, RecordTouchpointOutcome command,
        [WriteAggregate(Required = false)] ProjectWriteModel project, TimeProvider clock) =>
        WriteResults.Answer(RecordTouchpointOutcomeDecision.Decide(project, touchpointId, command, TokyoTime.Today(clock)), project.Id, project.Version,
            version => new TouchpointWritten(project.Id, version, touchpointId));
}
