using JasperFx;
using Marten;
using Npgsql;
using NpgsqlTypes;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Projects;
using Weasel.Core;

namespace ProjectCases.Benchmarks;

/// <summary>What PostgreSQL and bare Marten can do on this machine, measured in the same run as the service.</summary>
public static class StoreCeilings
{
    /// <summary>The size of a real event: a touchpoint as the service stores it.</summary>
    public static readonly string EventJson = System.Text.Json.JsonSerializer.Serialize(Touchpoint(Guid.NewGuid()),
        new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

    public static TouchpointLogged Touchpoint(Guid projectId) => new(projectId, Guid.NewGuid(), TouchpointKind.Seminar, new DateOnly(2025, 6, 1),
        JapanLevel.SeniorOfficial, "Ministry of Transport", "Hanoi", "Seminar on railway safety standards with the ministry and operators.", null, [projectId]);

    /// <summary>One row per transaction into a table shaped like mt_events, with its unique (stream_id, version).</summary>
    public static async Task<Measurement> RawInserts(string connectionString, int connections, TimeSpan duration)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("""
            drop table if exists bench_raw_events;
            create table bench_raw_events (
              seq_id bigserial primary key, id uuid not null, stream_id uuid not null, version bigint not null,
              data jsonb not null, type varchar(500) not null, timestamp timestamptz not null default now(),
              user_name varchar(200), correlation_id varchar(200), unique (stream_id, version));
            """)) await create.ExecuteNonQueryAsync();

        var streams = Enumerable.Range(0, connections).Select(_ => Guid.NewGuid()).ToArray();
        return await Measurement.ForDuration(connections, duration, async (worker, i) =>
        {
            await using var insert = dataSource.CreateCommand(
                "insert into bench_raw_events (id, stream_id, version, data, type, user_name, correlation_id) values ($1, $2, $3, $4, 'touchpoint_logged', 'bench', 'bench')");
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            insert.Parameters.Add(new NpgsqlParameter { Value = streams[worker] });
            insert.Parameters.Add(new NpgsqlParameter { Value = i + 1 });
            insert.Parameters.Add(new NpgsqlParameter { Value = EventJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
            return await insert.ExecuteNonQueryAsync() == 1;
        });
    }

    /// <summary>One event per SaveChangesAsync to an existing stream, in a schema of its own.</summary>
    public static async Task<Measurement> MartenAppends(string connectionString, int sessions, TimeSpan duration)
    {
        using var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = "bench_marten";
            opts.AutoCreateSchemaObjects = AutoCreate.All;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonSetup.ApplyStoredEventRules);
            opts.Events.MapEventType<TouchpointLogged>("touchpoint_logged");
        });
        var streams = Enumerable.Range(0, sessions).Select(_ => Guid.NewGuid()).ToArray();
        await using (var start = store.LightweightSession())
        {
            foreach (var stream in streams) start.Events.StartStream(stream, Touchpoint(stream));
            await start.SaveChangesAsync();
        }
        return await Measurement.ForDuration(sessions, duration, async (worker, _) =>
        {
            await using var session = store.LightweightSession();
            session.Events.Append(streams[worker], Touchpoint(streams[worker]));
            await session.SaveChangesAsync();
            return true;
        });
    }
}
