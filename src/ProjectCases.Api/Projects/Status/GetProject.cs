using System.Globalization;
using System.Security.Claims;
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
        var query = new QueryParameters(context.Request);
        var asOf = ReadAsOf(query);
        var version = query.Text("version") is null ? (long?)null : query.Int("version", 0, 1, int.MaxValue);
        if (asOf is not null && version is not null) query.AddError("asOf", "give either asOf or version, not both.");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var project = asOf is null && version is null
            ? await CurrentAsync(id, context.User, session, ct)
            : await AsItStoodAsync(id, asOf, version, context.User, session, ct);
        if (project is null) return ProjectWrites.ProjectNotFound(id);
        context.Response.Headers.ETag = IfMatch.ETag(project.Version);
        return Results.Ok(project);
    }

    /// <summary>
    /// The status document, the access check and the open follow-ups (tasks are other streams) in one
    /// batch: a single round trip to PostgreSQL for the most frequent read (docs/benchmarks).
    /// </summary>
    internal static async Task<ProjectStatus?> CurrentAsync(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var visible = ProjectAccess.CanSee(user, id, batch);
        var load = batch.Load<ProjectStatus>(id);
        var dueDates = OpenFollowUps.DueDates(batch, id);
        await batch.Execute(ct);

        var project = await load;
        if (project is null || !await visible) return null;
        OpenFollowUps.Fill(project, await dueDates);
        return project;
    }

    /// <summary>Folded from the events up to the instant or version; a past state keeps the folded zero follow-ups.</summary>
    internal static async Task<ProjectStatus?> AsItStoodAsync(Guid id, DateTimeOffset? asOf, long? version, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct)
    {
        if (!await ProjectAccess.CanSeeAsync(user, id, session, ct)) return null;
        var project = await session.Events.AggregateStreamAsync<ProjectStatus>(id, version: version ?? 0, timestamp: asOf, token: ct);
        return project is null || version is not null && project.Version != version ? null : project;
    }

    private static DateTimeOffset? ReadAsOf(QueryParameters query)
    {
        // A literal '+' of an offset arrives as a space unless the client encoded it (%2B).
        var text = query.Text("asOf")?.Replace(' ', '+');
        if (text is null) return null;
        if (TryParseAsOf(text, out var instant)) return instant;
        query.AddError("asOf", "must be a date (YYYY-MM-DD, the end of that day in Tokyo) or an instant with offset (2026-03-31T09:00:00+09:00).");
        return null;
    }

    /// <summary>A date (the end of that day in Tokyo) or an instant with offset, in UTC; also read by the web console.</summary>
    internal static bool TryParseAsOf(string text, out DateTimeOffset instant)
    {
        // PostgreSQL compares instants in UTC (Npgsql refuses other offsets).
        instant = default;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date)) instant = TokyoTime.EndOfDay(date).ToUniversalTime();
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && HasOffset(text))
            instant = parsed.ToUniversalTime();
        else return false;
        return true;
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T');
}
