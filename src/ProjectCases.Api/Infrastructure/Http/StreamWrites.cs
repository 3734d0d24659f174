using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// The shared steps of every write on an existing stream whose inline snapshot is <typeparamref name="T"/>:
/// fetch it for writing (honouring If-Match), then append what the decision says or answer its refusal.
/// Wolverine commits the session (AutoApplyTransactions); Marten checks at commit that nobody appended in
/// between (409, or 412 when If-Match was given: Errors/ExceptionToProblem).
/// </summary>
public static class StreamWrites<T> where T : class
{
    /// <param name="notFound">The 404 for a missing stream (or one the caller may not see).</param>
    /// <param name="visible">Object-level access: false answers the same 404 (never 403, so ids can't be probed).</param>
    public static async Task<(IEventStream<T>? Stream, IResult? Refusal)> FetchAsync(Guid id, HttpContext context, IDocumentSession session,
        Func<IResult> notFound, CancellationToken ct, Func<T, bool>? visible = null)
    {
        var (expected, badHeader) = IfMatch.Read(context.Request);
        if (badHeader is not null) return (null, Results.Problem(badHeader));

        var stream = await session.Events.FetchForWriting<T>(id, ct);
        if (stream.Aggregate is null || visible?.Invoke(stream.Aggregate) == false) return (null, notFound());
        if (expected is not null && expected != stream.CurrentVersion)
        {
            return (null, Results.Problem(new ProblemDetails
            {
                Status = 412, Title = "Stale version",
                Detail = $"If-Match names version {expected}, but the record is at version {stream.CurrentVersion}; read it again and retry.",
            }));
        }
        return (stream, null);
    }

    /// <summary>Appends the decided events and answers `{ id, version, ... }` (200, or 201 at a new sub-resource).</summary>
    public static IResult Apply(IEventStream<T> stream, Decision decision, HttpContext context,
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
}
