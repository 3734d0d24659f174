using System.Data;
using Npgsql;
using NpgsqlTypes;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Infrastructure.Postgres;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace ProjectCases.Documents.Storage;

/// <summary>
/// Documents in PostgreSQL, as rows of at most <see cref="ChunkBytes"/> bytes (bytea) in document_chunks: an upload is
/// written one chunk at a time in a transaction of its own (Marten 9.59 cannot hand out the session's connection for
/// raw SQL while connection tracing is on), and a download reads one row at a time, so no file is ever held whole in
/// memory. (Large objects would do the same, but
/// need their own permissions and clean-up; rows are dumped, replicated and removed like any other data.)
/// </summary>
public sealed class PostgresDocumentContentStore(DatabaseConnection database) : IDocumentContentStore
{
    public const int ChunkBytes = 256 * 1024;
    public const string Table = "document_chunks";
    private static readonly string Qualified = $"{MartenSetup.Schema}.{Table}";

    /// <summary>The table, created and migrated by Marten with the rest of the schema.</summary>
    public static Table Schema()
    {
        var table = new Table(Qualified);
        table.AddColumn<Guid>("document_id").AsPrimaryKey();
        table.AddColumn<int>("seq").AsPrimaryKey();
        table.AddColumn("data", "bytea").NotNull();
        return table;
    }

    /// <summary>One transaction of its own: a file cut off half-way (too large, wrong bytes, client gone) leaves no rows.</summary>
    public async Task SaveAsync(Guid documentId, Stream content, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var buffer = new byte[ChunkBytes];
        for (var seq = 0; ; seq++)
        {
            var filled = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            if (filled == 0 && seq > 0) break;
            await using var insert = new NpgsqlCommand($"insert into {Qualified} (document_id, seq, data) values (@id, @seq, @data)", connection, transaction);
            insert.Parameters.AddWithValue("id", documentId);
            insert.Parameters.AddWithValue("seq", seq);
            insert.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Bytea) { Value = new ArraySegment<byte>(buffer, 0, filled) });
            await insert.ExecuteNonQueryAsync(ct);
            if (filled < buffer.Length) break;
        }
        await transaction.CommitAsync(ct);
    }

    public async Task DiscardAsync(Guid documentId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var delete = new NpgsqlCommand($"delete from {Qualified} where document_id = @id", connection);
        delete.Parameters.AddWithValue("id", documentId);
        await delete.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> CopyToAsync(Guid documentId, Stream destination, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var select = new NpgsqlCommand($"select data from {Qualified} where document_id = @id order by seq", connection);
        select.Parameters.AddWithValue("id", documentId);
        await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var any = false;
        while (await reader.ReadAsync(ct))
        {
            any = true;
            await using var chunk = await reader.GetStreamAsync(0, ct);
            await chunk.CopyToAsync(destination, ct);
        }
        return any;
    }
}
