using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Postgres;
using ProjectCases.Projects.CompanyView;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Projects.Status;

public static class GetProjectEndpoint
{
    /// <summary>Nothing was recorded before the service existed: an earlier asOf is a typing mistake (0001-01-01), not a question.</summary>
    public static readonly DateOnly EarliestAsOf = new(2000, 1, 1);

    /// <summary>
    /// The project as it stands, or with `?asOf=` (a date = end of that day in Tokyo, or an instant with
    /// offset) or `?version=N` as the record stood then, by recording time, folded from the events. An asOf
    /// later than now means now. A company user gets the company view, as it stands only.
    /// </summary>
    [Query("asOf", typeof(string), "The record as it stood then: a date (YYYY-MM-DD, the end of that day in Tokyo) or an instant with offset. Not with version; not for company users.")]
    [Query("version", typeof(long), "The record as it stood at this stream version. Not with asOf; not for company users.", Minimum = 1, Maximum = int.MaxValue)]
    [ProducesResponseType<ProjectStatus>(200)]
    [WolverineGet("/api/projects/{id}"), Authorize(Roles = Roles.ProjectReaders)]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, KeyedReads reads, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        if (CompanyProjects.CompanyOf(context.User) is { } company) return await ForCompanyAsync(id, company, query, session, ct);

        var asOf = ReadAsOf(query);
        var version = query.Text("version") is null ? (long?)null : query.Int("version", 0, 1, int.MaxValue);
        if (query.Text("asOf") is not null && version is not null) query.AddError("asOf", "give either asOf or version, not both.");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        if (asOf is null && version is null)
            // The most frequent read: the stored JSON, streamed (StoredProjectJson).
            return await StoredProjectJson.WriteAsync(id, context, session.DocumentStore, reads, ct) ? Results.Empty : Results.Problem(ProjectWriteModel.NotFound(id));

        var project = await AsItStoodAsync(id, asOf, version, context.User, session, ct);
        if (project is null) return Results.Problem(ProjectWriteModel.NotFound(id));
        context.Response.Headers.ETag = IfMatch.ETag(project.Version);
        return Results.Ok(project);
    }

    /// <summary>
    /// The status document, the open troubles and the open follow-ups (cases and tasks are other streams) in
    /// one batch, then the open risks, as objects: the web console's read and `?asOf=` at or after the latest
    /// event. The API's current read streams the same body from PostgreSQL (StoredProjectJson).
    /// </summary>
    internal static async Task<ProjectStatus?> CurrentAsync(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var load = batch.Load<ProjectStatus>(id);
        var openTroubles = OpenTroubles.Count(batch, id, user);
        var dueDates = OpenFollowUps.DueDates(batch, id);
        await batch.Execute(ct);

        var project = await load;
        if (project is null) return null;
        project.OpenTroubleCount = (int)await openTroubles;
        OpenFollowUps.Fill(project, await dueDates);
        await CountryRisks.OpenRisksOfProject.FillAsync(project, session, ct);
        return project;
    }

    /// <summary>
    /// Folded from the project's events up to the instant or version; a past state keeps the folded zero
    /// follow-ups and open troubles (those are other streams' facts). An instant at or after the latest
    /// recorded event (any instant after now) is the record as it stands. Also read by the web console.
    /// </summary>
    internal static async Task<ProjectStatus?> AsItStoodAsync(Guid id, DateTimeOffset? asOf, long? version, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct)
    {
        if (version is null && asOf is { } instant)
        {
            var stream = await session.Events.FetchStreamStateAsync(id, ct);
            if (stream is null) return null;
            if (instant >= stream.LastTimestamp) return await CurrentAsync(id, user, session, ct);
        }
        var project = await session.Events.AggregateStreamAsync<ProjectStatus>(id, version: version ?? 0, timestamp: asOf, token: ct);
        return project is null || version is not null && project.Version != version ? null : project;
    }

    /// <summary>Catalogue fields and the company's own cases; the company is shown no versions, so no ETag and no time travel.</summary>
    private static async Task<IResult> ForCompanyAsync(Guid id, string company, QueryParameters query, IQuerySession session, CancellationToken ct)
    {
        foreach (var parameter in new[] { "asOf", "version" }.Where(p => query.Text(p) is not null))
            query.AddError(parameter, "is not offered to company users: they read the project as it stands.");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var batch = session.CreateBatchQuery();
        var load = batch.Load<ProjectStatus>(id);
        var ownCases = CompanyProjects.OwnCases(batch, company, id);
        await batch.Execute(ct);
        return await load is { Voided: false } project
            ? Results.Ok(CompanyProjectView.For(project, await ownCases))
            : Results.Problem(ProjectWriteModel.NotFound(id));
    }

    /// <summary>The instant asked for, in UTC (PostgreSQL compares instants in UTC; Npgsql refuses other offsets), or null.</summary>
    private static DateTimeOffset? ReadAsOf(QueryParameters query)
    {
        // A literal '+' of an offset arrives as a space unless the client encoded it (%2B).
        var text = query.Text("asOf")?.Replace(' ', '+');
        if (text is null) return null;
        if (!TryParseAsOf(text, out var instant))
        {
            query.AddError("asOf", "must be a date (YYYY-MM-DD, the end of that day in Tokyo) or an instant with offset (2026-03-31T09:00:00+09:00).");
            return null;
        }
        if (instant >= TokyoTime.StartOfDay(EarliestAsOf)) return instant;
        query.AddError("asOf", $"must be on or after {EarliestAsOf:yyyy-MM-dd}: nothing was recorded earlier. A date or instant after now means now.");
        return null;
    }

    /// <summary>A date (the end of that day in Tokyo) or an instant with offset, in UTC; also read by the web console.</summary>
    internal static bool TryParseAsOf(string text, out DateTimeOffset instant)
    {
        // PostgreSQL compares instants in UTC (Npgsql refuses other offsets).
        instant = default;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
            // The last day of the calendar has no next midnight: its end is simply the latest instant there is.
            instant = date == DateOnly.MaxValue ? DateTimeOffset.MaxValue : TokyoTime.EndOfDay(date).ToUniversalTime();
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && HasOffset(text))
            instant = parsed.ToUniversalTime();
        else return false;
        return true;
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T');
}
