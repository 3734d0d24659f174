using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Projects;

public sealed record ChangeProjectStatus(
    [property: Required] ProjectStatusValue? Status,
    [property: Required, StringLength(2000)] string Reason,
    [property: Required, BusinessDate] BusinessDate? EffectiveOn);

public static class ChangeProjectStatusDecision
{
    private static readonly ProjectStatusValue[] Interrupted =
        [ProjectStatusValue.Suspended, ProjectStatusValue.Postponed, ProjectStatusValue.OnHold];

    /// <summary>Nothing after Withdrawn; Resumed only from an interruption; no change to the same status.</summary>
    public static Decision Decide(ProjectWriteModel project, ChangeProjectStatus command)
    {
        var next = command.Status!.Value;
        if (project.Status == ProjectStatusValue.Withdrawn)
            return Decision.Conflict("The project was withdrawn; its status can no longer change.");
        if (project.Status == next)
            return Decision.Conflict($"The project is already {next}.");
        if (next == ProjectStatusValue.Resumed && !(project.Status is { } current && Interrupted.Contains(current)))
            return Decision.Conflict($"Only a suspended, postponed or on-hold project can be resumed; this one is {project.Status?.ToString() ?? "without a status"}.");
        return Decision.Accept(new ProjectStatusChanged(project.Id, next, command.Reason.Trim(), command.EffectiveOn!.Value));
    }
}

public static class ChangeProjectStatusEndpoint
{
    [WolverinePost("/api/projects/{id}/status"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(ChangeProjectStatus command, [WriteAggregate(Required = false)] ProjectWriteModel project) =>
        WriteResults.Answer(ChangeProjectStatusDecision.Decide(project, command), project.Id, project.Version);
}
