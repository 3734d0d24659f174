using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects;

/// <summary>
/// The shared steps of every write on an existing project stream: fetch it for writing (honouring
/// If-Match), then append what the decision says or answer its refusal. Wolverine commits the session
/// (AutoApplyTransactions); Marten checks at commit that nobody appended in between (409/412 otherwise).
/// </summary>
public static class ProjectWrites
{
    public static async Task<(IEventStream<ProjectStatus>? Stream, IResult? Refusal)> FetchAsync(
        Guid id, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (expected, badHeader) = IfMatch.Read(context.Request);
        if (badHeader is not null) return (null, Results.Problem(badHeader));

        var stream = await session.Events.FetchForWriting<ProjectStatus>(id, ct);
        if (stream.Aggregate is null) return (null, ProjectNotFound(id));
        if (expected is not null && expected != stream.CurrentVersion)
        {
            return (null, Results.Problem(new ProblemDetails
            {
                Status = 412, Title = "Stale version",
                Detail = $"If-Match names version {expected}, but the project is at version {stream.CurrentVersion}; read it again and retry.",
            }));
        }
        return (stream, null);
    }

    /// <summary>Appends the decided events and answers `{ id, version, ... }` (200, or 201 at a new sub-resource).</summary>
    public static IResult Apply(IEventStream<ProjectStatus> stream, Decision decision, HttpContext context,
        Func<long, object>? body = null, string? createdAt = null)
    {
        if (decision.Refusal is { } refusal) return Refuse(refusal);
        stream.AppendMany(decision.Events);
        var version = stream.CurrentVersion ?? decision.Events.Count; // already advanced by the append
        var response = body?.Invoke(version) ?? new WriteAccepted(stream.Id, version);
        return createdAt is null
            ? WriteResults.Ok(context, response, version)
            : WriteResults.Created(context, createdAt, response, version);
    }

    public static IResult Refuse(Refusal refusal) => Results.Problem(new ProblemDetails
    {
        Status = refusal.Status, Title = refusal.Title, Detail = refusal.Detail,
    });

    public static IResult ProjectNotFound(Guid id) => Results.Problem(new ProblemDetails
    {
        Status = 404, Title = "Project not found", Detail = $"No project {id} exists (or it is not visible to you).",
    });
}
