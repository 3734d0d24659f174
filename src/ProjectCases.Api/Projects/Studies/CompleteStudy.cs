using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects.Status;
using Wolverine.Http;

namespace ProjectCases.Projects.Studies;

public sealed record CompleteStudy(
    [property: Required, BusinessDate] DateOnly? CompletedOn,
    [property: StringLength(4000)] string? Findings);

public static class CompleteStudyDecision
{
    public static Decision Decide(ProjectStatus project, Guid studyId, CompleteStudy command)
    {
        var study = project.Studies.FirstOrDefault(s => s.StudyId == studyId);
        if (study is null) return Decision.NotFound($"Project {project.Id} has no study {studyId}.");
        if (study.CompletedOn is { } done) return Decision.Conflict($"This study was already completed on {done:yyyy-MM-dd}.");
        if (command.CompletedOn < study.StartedOn)
            return Decision.Unprocessable($"A study cannot complete ({command.CompletedOn:yyyy-MM-dd}) before it started ({study.StartedOn:yyyy-MM-dd}).");
        return Decision.Accept(new StudyCompleted(project.Id, studyId, command.CompletedOn!.Value, command.Findings?.Trim()));
    }
}

public static class CompleteStudyEndpoint
{
    [WolverinePost("/api/projects/{id}/studies/{studyId}/complete"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, Guid studyId, CompleteStudy command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return ProjectWrites.Apply(stream!, CompleteStudyDecision.Decide(stream!.Aggregate!, studyId, command), context,
            version => new { id, version, studyId });
    }
}
