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

public sealed record StartStudy(
    [property: Required] StudyType? StudyType,
    [property: Required, BusinessDate] BusinessDate? StartedOn,
    [property: StringLength(300)] string? ConductedBy,
    [property: StringLength(4000)] string? Summary);

public static class StartStudyDecision
{
    public static Decision Decide(ProjectWriteModel project, StartStudy command, Guid studyId) =>
        Decision.Accept(new StudyStarted(project.Id, studyId, command.StudyType!.Value, command.StartedOn!.Value,
            command.ConductedBy?.Trim(), command.Summary?.Trim()));

    /// <summary>A study known only from its completion (the sample data has some): its start date stays unknown, never guessed.</summary>
    public static Decision DecideCompletedWithoutKnownStart(Guid projectId, StudyType studyType, CompleteStudy completion, string? summary, Guid studyId) =>
        Decision.Accept(
            new StudyStarted(projectId, studyId, studyType, null, null, summary),
            new StudyCompleted(projectId, studyId, completion.CompletedOn!.Value, completion.Findings?.Trim()));
}

public static class StartStudyEndpoint
{
    [ProducesResponseType<StudyWritten>(201)]
    [WolverinePost("/api/projects/{id}/studies"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(StartStudy command, [WriteAggregate(Required = false)] ProjectWriteModel project)
    {
        var studyId = Guid.CreateVersion7();
        return WriteResults.Answer(StartStudyDecision.Decide(project, command, studyId), project.Id, project.Version,
            version => new StudyWritten(project.Id, version, studyId), createdAt: $"/api/projects/{project.Id}");
    }
}
