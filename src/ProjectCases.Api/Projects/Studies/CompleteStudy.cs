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

namespace ProjectCases.Projects.Studies;

public sealed record CompleteStudy(
    [property: Required, BusinessDate] BusinessDate? CompletedOn,
    [property: StringLength(4000)] string? Findings);

public static class CompleteStudyDecision
{
    public static Decision Decide(ProjectWriteModel project, Guid studyId, CompleteStudy command)
    {
        var study = project.FindStudy(studyId);
        if (study is null) return Decision.NotFound($"Project {project.Id} has no study {studyId}.");
        if (study.CompletedOn is { } done) return Decision.Conflict($"This study was already completed on {done}.");
        if (command.CompletedOn!.Value.EndsBefore(study.StartedOn))
            return Decision.Unprocessable($"A study cannot complete ({command.CompletedOn}) before it started ({study.StartedOn}).");
        return Decision.Accept(new StudyCompleted(project.Id, studyId, command.CompletedOn!.Value, command.Findings?.Trim()));
    }
}

public static class CompleteStudyEndpoint
{
    [ProducesResponseType<StudyWritten>(200)]
    [WolverinePost("/api/projects/{id}/studies/{studyId}/complete"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(Guid studyId, CompleteStudy command, [WriteAggregate(Required = false)] ProjectWriteModel project) =>
        WriteResults.Answer(CompleteStudyDecision.Decide(project, studyId, command), project.Id, project.Version,
            version => new StudyWritten(project.Id, version, studyId));
}
