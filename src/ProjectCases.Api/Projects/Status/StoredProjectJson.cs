using System.Runtime.CompilerServices;
using Marten;
using Npgsql;
using ProjectCases.CountryRisks;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Projects.Status;

/// <summary>
/// The project as it stands for ministry readers, streamed from the stored ProjectStatus JSON: PostgreSQL merges
/// the facts of other streams (open troubles, open follow-ups, the linked risks still open with their current
/// severity) into the stored document in the same single statement, so the service neither deserialises nor
/// serialises the project. The body equals <see cref="GetProjectEndpoint.CurrentAsync"/>'s (the web console's and
/// `?asOf=` at or after the latest event's), field for field; key order and whitespace are PostgreSQL's.
/// </summary>
/// <remarks>
/// Why merged at read time and not projected into ProjectStatus by a multi-stream projection: those facts change on
/// other streams (a case, a task, a risk), whose writes do not lock the project's stream. Inline, two such writes, or
/// one of them and a project write, would each load the document and store it back, and the later would silently
/// undo the other's count; async, a trouble report would not show on the project the reporter reads next. Counting
/// from the indexed case, task and risk rows at read time is always right, and it is one round trip as before.
/// </remarks>
public static class StoredProjectJson
{
    private static readonly ConditionalWeakTable<IDocumentStore, string> Sql = new();

    /// <summary>Writes the project (200, ETag = the stream's version) or returns false when there is no such project.</summary>
    public static async Task<bool> WriteAsync(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql.GetValue(session.DocumentStore, Build)) { Parameters = { new() { Value = id } } };
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        if (!await reader.ReadAsync(ct)) return false;

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ETag = IfMatch.ETag(reader.GetInt64(0));
        await using var json = reader.GetStream(1);
        await json.CopyToAsync(context.Response.Body, ct);
        return true;
    }

    /// <summary>
    /// The statement, from the store's own table names. Rows are found through the duplicated (indexed) id columns
    /// (TroublesSetup, FollowUpsSetup, CountryRisksSetup); enum values are read from the stored JSON, where they are
    /// names, whatever storage Marten chose for duplicated enum columns.
    /// </summary>
    private static string Build(IDocumentStore store)
    {
        string Table<T>() => store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        return $"""
            select (p.data ->> 'version')::bigint,
                   (p.data || jsonb_build_object(
                       'openTroubleCount', (select count(*) from {Table<TroubleCase>()} c where c.project_id = p.id and c.data ->> 'status' <> 'Closed'),
                       'openFollowUpCount', f.open_count,
                       'nextFollowUpDueOn', f.next_due,
                       'openRisks', coalesce((
                           select jsonb_agg(r.entry || jsonb_build_object('severity', k.data -> 'severity') order by r.position)
                           from jsonb_array_elements(p.data -> 'risks') with ordinality as r(entry, position)
                           join {Table<CountryRisk>()} k on k.id = (r.entry ->> 'riskId')::uuid and k.state_rank = 0), '[]'::jsonb)))::text
            from {Table<ProjectStatus>()} p
            cross join lateral (
                select count(*) as open_count, min(t.data ->> 'dueOn') as next_due
                from {Table<FollowUpTask>()} t where t.project_id = p.id and t.data ->> 'status' = 'Open') f
            where p.id = $1
            """;
    }
}
