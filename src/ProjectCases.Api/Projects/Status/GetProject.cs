using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using Wolverine.Http;

namespace ProjectCases.Projects.Status;

public static class GetProjectEndpoint
{
    /// <summary>
    /// The project as it stands, or with `?asOf=` (a date = end of that day in Tokyo, or an instant with
    /// offset) or `?version=N` as the record stood then, by recording time, folded from the events.
    /// </summary>
    [WolverineGet("/api/projects/{id}"), Authorize(Roles = Roles.ProjectReaders)]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        if (!await ProjectAccess.CanSeeAsync(context.User, id, session, ct)) return ProjectWrites.ProjectNotFound(id);

        var query = new QueryParameters(context.Request);
        var asOf = ReadAsOf(query);
        var version = query.Text("version") is null ? (long?)null : query.Int("version", 0, 1, int.MaxValue);
        if (asOf is not null && version is not null) query.AddError("asOf", "give either asOf or version, not both.");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var project = asOf is not null || version is not null
            ? await session.Events.AggregateStreamAsync<ProjectStatus>(id, version: version ?? 0, timestamp: asOf, token: ct)
            : await session.LoadAsync<ProjectStatus>(id, ct);
        if (project is null || version is not null && project.Version != version) return ProjectWrites.ProjectNotFound(id);
        // Follow-up tasks are other streams: counted now for the current state (a past state keeps the folded zero).
        if (asOf is null && version is null) await OpenFollowUps.FillAsync(project, session, ct);

        context.Response.Headers.ETag = IfMatch.ETag(project.Version);
        return Results.Ok(project);
    }

    private static DateTimeOffset? ReadAsOf(QueryParameters query)
    {
        // A literal '+' of an offset arrives as a space unless the client encoded it (%2B).
        var text = query.Text("asOf")?.Replace(' ', '+');
        if (text is null) return null;
        // PostgreSQL compares instants in UTC (Npgsql refuses other offsets).
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date)) return TokyoTime.EndOfDay(date).ToUniversalTime();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(text))
            return instant.ToUniversalTime();
        query.AddError("asOf", "must be a date (YYYY-MM-DD, the end of that day in Tokyo) or an instant with offset (2026-03-31T09:00:00+09:00).");
        return null;
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T');
}
