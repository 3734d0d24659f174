using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Marten;
using Npgsql;
using ProjectCases.CountryRisks;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Postgres;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Projects.Status;

/// <summary>
/// The project as it stands for ministry readers, streamed from the stored ProjectStatus JSON, with the facts of other
/// streams (open troubles, open follow-ups, the linked risks still open with their current severity) appended to it: the
/// stored document leaves those properties out ([NotStored]), PostgreSQL computes them in the same single statement as a
/// small object, and the service writes the stored JSON without its closing brace, then that object's members. Neither
/// the service nor PostgreSQL rebuilds the document (merging them in SQL with `||` re-encoded the whole project on every
/// read: docs/benchmarks/README.md, "Second round on issue 15"). The body equals
/// <see cref="GetProjectEndpoint.CurrentAsync"/>'s (the web console's and `?asOf=` at or after the latest event's), field
/// for field; key order and whitespace are PostgreSQL's.
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
    public static async Task<bool> WriteAsync(Guid id, HttpContext context, IDocumentStore store, KeyedReads reads, CancellationToken ct)
    {
        // On the keyed-read pool: PostgreSQL keeps one plan for this statement instead of planning its four tables per call.
        await using var connection = await reads.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(SqlFor(store), connection) { Parameters = { new() { Value = id } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return false;

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ETag = IfMatch.ETag(reader.GetInt64(0));
        // Assembled in one pooled buffer and written once with its length: written piece by piece, each write went out as
        // its own HTTP chunk and TCP send, which cost the kernel and the client more than PostgreSQL's whole statement.
        var stored = reader.GetString(1);
        var readTime = reader.GetString(2);
        if (!stored.EndsWith('}') || !readTime.StartsWith('{')) throw new InvalidOperationException($"The stored project {id} is not a JSON object.");
        // `{"openTroubleCount": 0, ...}` → `, "openTroubleCount": 0, ...}`: its members continue the stored object.
        var storedPart = stored.AsSpan(0, stored.Length - 1);
        var readTimePart = readTime.AsSpan(1);
        var length = Encoding.UTF8.GetByteCount(storedPart) + 1 + Encoding.UTF8.GetByteCount(readTimePart);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = Encoding.UTF8.GetBytes(storedPart, buffer);
            buffer[at++] = (byte)',';
            Encoding.UTF8.GetBytes(readTimePart, buffer.AsSpan(at));
            context.Response.ContentLength = length;
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, length), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return true;
    }

    /// <summary>
    /// The statement, from the store's own table names. The version is the stream's own (mt_streams), so the stored
    /// JSON is read once, for its text; cases and tasks are found and filtered through their duplicated (indexed)
    /// columns (TroublesSetup, FollowUpsSetup, CountryRisksSetup), whose enum values are names (EnumStorage.AsString).
    /// </summary>
    public static string SqlFor(IDocumentStore store) => Sql.GetValue(store, Build);

    private static string Build(IDocumentStore store)
    {
        string Table<T>() => store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        var streams = $"{store.Options.Events.DatabaseSchemaName}.mt_streams";
        return $"""
            select s.version, p.data::text,
                   jsonb_build_object(
                       'openTroubleCount', (select count(*) from {Table<TroubleCase>()} c where c.project_id = p.id and c.status <> 'Closed'),
                       'openFollowUpCount', f.open_count,
                       'nextFollowUpDueOn', f.next_due,
                       'openRisks', coalesce((
                           select jsonb_agg(r.entry || jsonb_build_object('severity', k.data -> 'severity') order by r.position)
                           from jsonb_array_elements(p.data -> 'risks') with ordinality as r(entry, position)
                           join {Table<CountryRisk>()} k on k.id = (r.entry ->> 'riskId')::uuid and k.state_rank = 0), '[]'::jsonb))::text
            from {Table<ProjectStatus>()} p
            join {streams} s on s.id = p.id
            cross join lateral (
                select count(*) as open_count, min(t.data ->> 'dueOn') as next_due
                from {Table<FollowUpTask>()} t where t.project_id = p.id and t.status = 'Open') f
            where p.id = $1
            """;
    }
}
