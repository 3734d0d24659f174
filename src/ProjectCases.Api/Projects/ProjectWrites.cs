using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects;

/// <summary>Writes on an existing project stream: StreamWrites with the project's 404.</summary>
public static class ProjectWrites
{
    public static Task<(IEventStream<ProjectStatus>? Stream, IResult? Refusal)> FetchAsync(
        Guid id, HttpContext context, IDocumentSession session, CancellationToken ct) =>
        StreamWrites<ProjectStatus>.FetchAsync(id, context, session, () => ProjectNotFound(id), ct);

    public static IResult Apply(IEventStream<ProjectStatus> stream, Decision decision, HttpContext context,
        Func<long, object>? body = null, string? createdAt = null) =>
        StreamWrites<ProjectStatus>.Apply(stream, decision, context, body, createdAt);

    public static IResult Refuse(Refusal refusal) => StreamWrites<ProjectStatus>.Refuse(refusal);

    public static IResult ProjectNotFound(Guid id) => Results.Problem(new ProblemDetails
    {
        Status = 404, Title = "Project not found", Detail = $"No project {id} exists (or it is not visible to you).",
    });
}
