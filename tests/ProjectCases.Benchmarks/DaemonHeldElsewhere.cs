using System.Diagnostics;
using Npgsql;

namespace ProjectCases.Benchmarks;

/// <summary>
/// `--request-path`: the benchmark holds the async daemon's locks for the whole run, as a second node running the
/// projections would, so the measured service (a single node: Marten's HotCold daemon, one advisory lock per shard)
/// never wins one and runs no projection or subscription. What the HTTP figures then measure is the request path
/// alone: what the service does for a write before it answers, without the background work that shares the two cores
/// with it. For comparing two checkouts whose background work differs (features added in between) on what both do
/// per request. Which locks: those the service itself holds while idle, learnt from a first start, so that nothing
/// depends on how a Marten version derives its lock ids; whether that kept the daemon away is not assumed but
/// checked: <see cref="VerifyNoShardAdvancedAsync"/> fails the run if any shard moved.
/// </summary>
public sealed class DaemonHeldElsewhere : IAsyncDisposable
{
    private readonly NpgsqlConnection _holder;
    private readonly string _database;
    private readonly int _locks;
    private readonly Dictionary<string, long> _atStart;

    private DaemonHeldElsewhere(NpgsqlConnection holder, string database, int locks, Dictionary<string, long> atStart) =>
        (_holder, _database, _locks, _atStart) = (holder, database, locks, atStart);

    /// <summary>Starts the service once to see which session locks its daemon takes, stops it, and takes them itself.</summary>
    public static async Task<DaemonHeldElsewhere> TakeAsync(string serviceRoot, string database)
    {
        List<(long ClassId, long ObjId, short SubId)> held;
        await using (var probe = await ServiceProcess.StartAsync(serviceRoot, database))
        {
            // HotCold polls for its locks after a random wait; the set is taken once it has not changed for a while.
            held = await SessionLocksOfOthersAsync(database);
            var waited = Stopwatch.StartNew();
            for (var stable = 0; stable < 3; )
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException("--request-path: the service took no stable set of advisory locks within 90 s.");
                await Task.Delay(TimeSpan.FromSeconds(2));
                var now = await SessionLocksOfOthersAsync(database);
                stable = now.Count > 0 && now.SequenceEqual(held) ? stable + 1 : 0;
                held = now;
            }
        }
        await ServiceProcess.EndLeftoverSessionsAsync(database); // so that the probe's locks are free

        var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        foreach (var (classId, objId, subId) in held)
        {
            // pg_locks shows a bigint key as its high and low halves (objsubid 1), a pair of integers as themselves (2).
            var take = subId == 1 ? $"select pg_advisory_lock({(classId << 32) | objId})" : $"select pg_advisory_lock({(int)classId}, {(int)objId})";
            await using var command = new NpgsqlCommand(take, holder);
            await command.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"Request path alone: holding the {held.Count} advisory locks the idle service held (its async daemon's), as another node would.");
        // The probe created the schema; nothing moves a shard from here on unless the locks fail to keep the daemon away.
        return new DaemonHeldElsewhere(holder, database, held.Count, await ShardPositionsAsync(database));
    }

    /// <summary>
    /// The advisory locks other sessions hold while idle, in a transaction or not (a lock library may hold its lock
    /// in an open transaction); a request's transaction-scoped lock is never seen, since the probed service is idle.
    /// </summary>
    private static async Task<List<(long, long, short)>> SessionLocksOfOthersAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand("""
            select l.classid::bigint, l.objid::bigint, l.objsubid from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.state in ('idle', 'idle in transaction') and a.datname = current_database() and l.pid <> pg_backend_pid()
            order by 1, 2, 3
            """);
        var locks = new List<(long, long, short)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) locks.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt16(2)));
        return locks;
    }

    /// <summary>Throws unless every shard is where it was at the start: the daemon ran after all, and the figures would not be the request path's.</summary>
    public async Task<string> VerifyNoShardAdvancedAsync()
    {
        var now = await ShardPositionsAsync(_database);
        var moved = now.Where(shard => shard.Value != _atStart.GetValueOrDefault(shard.Key)).Select(shard => $"{shard.Key} {_atStart.GetValueOrDefault(shard.Key)} → {shard.Value}").ToList();
        if (moved.Count > 0)
            throw new InvalidOperationException($"--request-path: the async daemon ran although the benchmark held its {_locks} locks: {string.Join(", ", moved)}.");
        return $"Request path alone: the benchmark held the daemon's {_locks} locks; no async shard advanced ({now.Count} recorded, events up to sequence {await HighestSequenceAsync():N0} left unprocessed).";
    }

    private static async Task<Dictionary<string, long>> ShardPositionsAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(
            "select name, last_seq_id from projectcases.mt_event_progression");
        var positions = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) positions[reader.GetString(0)] = reader.GetInt64(1);
        return positions;
    }

    private async Task<long> HighestSequenceAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await using var command = dataSource.CreateCommand("select coalesce(max(seq_id), 0) from projectcases.mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync() => await _holder.DisposeAsync();
}
