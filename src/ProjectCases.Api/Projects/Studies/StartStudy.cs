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

public static class StartStudyEndpoint
{
    [WolverinePost("/api/projects/{id}/studies"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, StartStudy command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var studyId = Guid.CreateVersion7();
        var started = new StudyStarted(id, studyId, command.StudyType!.Value, command.StartedOn!.Value,
            command.ConductedBy?.Trim(), command.Summary?.Trim());
        return ProjectWrites.Apply(stream!, Decision.Accept(started), context,
            version => new { id, version, studyId }, createdAt: $"/api/projects/{id}");
    }
}
