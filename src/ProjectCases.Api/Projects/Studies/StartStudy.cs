using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using Wolverine.Http;

namespace ProjectCases.Projects.Studies;

public sealed record StartStudy(
    [property: Required] StudyType? StudyType,
    [property: Required, BusinessDate] DateOnly? StartedOn,
    [property: StringLength(300)] string? ConductedBy,
    [property: StringLength(4000)] string? Summary);

public static class StartStudyDecision
{
    public static Decision Decide(Guid projectId, StartStudy command, Guid studyId) =>
        Decision.Accept(new StudyStarted(projectId, studyId, command.StudyType!.Value, command.StartedOn!.Value,
            command.ConductedBy?.Trim(), command.Summary?.Trim()));

    /// <summary>A study known only from its completion (the sample data has some): its start date stays unknown, never guessed.</summary>
    public static Decision DecideCompletedWithoutKnownStart(Guid projectId, StudyType studyType, CompleteStudy completion, string? summary, Guid studyId) =>
        Decision.Accept(
            new StudyStarted(projectId, studyId, studyType, null, null, summary),
            new StudyCompleted(projectId, studyId, completion.CompletedOn!.Value, completion.Findings?.Trim()));
}

public static class StartStudyEndpoint
{
    [WolverinePost("/api/projects/{id}/studies"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, StartStudy command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var studyId = Guid.CreateVersion7();
        return ProjectWrites.Apply(stream!, StartStudyDecision.Decide(id, command, studyId), context,
            version => new { id, version, studyId }, createdAt: $"/api/projects/{id}");
    }
}
