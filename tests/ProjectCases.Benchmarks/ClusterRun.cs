using System.Diagnostics;
using System.Net;
using Npgsql;
using ProjectCases.Api.Tests.Cluster;
using static ProjectCases.Benchmarks.Results;

namespace ProjectCases.Benchmarks;

/// <summary>
/// `--cluster` (issue 19, docs/scaling.md): the write and read figures with 1, 2 and 3 identical nodes in cluster mode
/// on one PostgreSQL, the clients spread round-robin over the nodes, then the takeover time after `kill -9` of the node
/// holding the most async shards. The nodes are the cluster test's (tests/ProjectCases.Api.Tests/Cluster/ServiceNode.cs,
/// compiled in here): real processes of the API's build output with `Cluster__Enabled=true`. On a machine of two cores
/// the nodes and PostgreSQL share the same CPUs, so more nodes cannot mean more throughput here: the figures show what
/// the coordination costs (heartbeats, agent assignment, one daemon per shard) and that nothing breaks, not how a
/// cluster of separate machines scales.
/// </summary>
public static class ClusterRun
{
    private const int Clients = 16;
    private const string Schema = "projectcases";

    public static async Task Measure(string repositoryRoot, string database, BenchmarkSettings settings, Results results)
    {
        var nodes = Enumerable.Range(1, 3).Select(i => new ServiceNode($"bench-node-{i}", Infrastructure.Postgres.PostgresServer.FreePort(),
            NodeEnvironment(repositoryRoot, database, $"bench-node-{i}"), ServiceProcess.Dll(repositoryRoot))).ToList();
        try
        {
            var projects = Array.Empty<Guid>();
            for (var count = 1; count <= nodes.Count; count++)
            {
                var started = Stopwatch.StartNew();
                await nodes[count - 1].StartAsync(TimeSpan.FromSeconds(180));
                Console.WriteLine($"  {nodes[count - 1].Name} ready after {started.Elapsed.TotalSeconds:0.0} s; measuring with {count} node(s)");
                var clients = nodes.Take(count).Select(n => new ServiceClient(n.BaseAddress)).ToList();
                try
                {
                    if (projects.Length == 0)
                    {
                        projects = new Guid[settings.Projects];
                        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Projects), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                            async (n, _) => projects[n] = await clients[0].RegisterProject(n));
                    }
                    // Client w always talks to node w mod N and writes projects w, w + c, ...: no two clients race for one stream.
                    var writes = await Measurement.ForDuration(Clients, settings.WriteDuration, (worker, i) =>
                        clients[worker % count].Expect(HttpStatusCode.Created, HttpMethod.Post,
                            $"/api/projects/{projects[(worker + i * Clients) % projects.Length]}/touchpoints", "officer", ServiceClient.Touchpoint()));
                    results.Add($"{count} node(s): POST touchpoints, {Clients} clients", Rate(writes.PerSecond, "req/s"), Latency(writes));
                    var reads = await Measurement.ForDuration(Clients, settings.ReadDuration, (worker, i) =>
                        clients[worker % count].Expect(HttpStatusCode.OK, HttpMethod.Get, $"/api/projects/{projects[(worker + i * Clients) % projects.Length]}", "officer"));
                    results.Add($"{count} node(s): GET project, {Clients} clients", Rate(reads.PerSecond, "req/s"), Latency(reads));
                }
                finally
                {
                    foreach (var client in clients) client.Dispose();
                }
            }
            await Takeover(database, nodes, projects, results);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>As in production (with the image's runtime settings), plus cluster mode, a name per node in pg_stat_activity,
    /// and development tokens for the load.</summary>
    private static Dictionary<string, string> NodeEnvironment(string repositoryRoot, string database, string name)
    {
        var environment = ServiceProcess.Environment($"{database};Application Name=projectcases-{name}", 0, repositoryRoot);
        environment.Remove("ASPNETCORE_URLS"); // each node gets its own --urls
        environment["Cluster__Enabled"] = "true";
        return environment;
    }

    /// <summary>
    /// kill -9 of the node holding the most async shards while a light write load goes on over the other two: the time
    /// until every shard it held advances again (the same measure as the cluster test's "takeover" figure; target 30 s).
    /// </summary>
    private static async Task Takeover(string database, List<ServiceNode> nodes, Guid[] projects, Results results)
    {
        await using var dataSource = NpgsqlDataSource.Create($"{database};Pooling=false");
        var assignments = await Rows(dataSource, $"select n.node_number, a.id from {Schema}.wolverine_node_assignments a join {Schema}.wolverine_nodes n on n.id = a.node_id where a.id like 'event-subscriptions://%'",
            r => (Node: r.GetInt32(0), Shard: ShardOf(r.GetString(1))));
        if (assignments.Count == 0) { results.Add("kill -9 takeover", "no shards assigned"); return; }
        // Wolverine numbers the nodes in the order they joined: node_number 1 is the first node started, and so on.
        var numbers = (await Rows(dataSource, $"select node_number from {Schema}.wolverine_nodes order by node_number", r => r.GetInt32(0)));
        var busiest = assignments.GroupBy(a => a.Node).OrderByDescending(g => g.Count()).First();
        var victim = nodes[numbers.IndexOf(busiest.Key)];
        var shards = busiest.Select(a => a.Shard).ToArray();
        var survivors = nodes.Where(n => n != victim).Select(n => new ServiceClient(n.BaseAddress)).ToList();
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try { await survivors[i % survivors.Count].Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/projects/{projects[i % projects.Length]}/touchpoints", "officer", ServiceClient.Touchpoint()); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // a figure, not a test: keep the load going
                await Task.Delay(50);
            }
        });
        try
        {
            var before = await Progress(dataSource, shards);
            var killed = Stopwatch.StartNew();
            await victim.KillAsync();
            var advanced = new HashSet<string>();
            while (advanced.Count < shards.Length && killed.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(250);
                var now = await Progress(dataSource, shards);
                advanced.UnionWith(shards.Where(s => now[s] > before[s]));
            }
            results.Add($"kill -9 takeover ({string.Join(", ", shards)})",
                advanced.Count == shards.Length ? $"{killed.Elapsed.TotalSeconds:0.0} s" : "not within 120 s", "", "", "< 30 s",
                advanced.Count == shards.Length && killed.Elapsed < TimeSpan.FromSeconds(30));
        }
        finally
        {
            stop.Cancel();
            await load;
            foreach (var client in survivors) client.Dispose();
        }
    }

    /// <summary>`event-subscriptions://marten/main/{db}/eventsealing/all` → `eventsealing/all` (progression `EventSealing:All`).</summary>
    private static string ShardOf(string agent) => string.Join('/', agent.TrimEnd('/').Split('/')[^2..]);

    private static async Task<Dictionary<string, long>> Progress(NpgsqlDataSource dataSource, string[] shards)
    {
        var all = (await Rows(dataSource, $"select lower(replace(name, ':', '/')), last_seq_id from {Schema}.mt_event_progression", r => (r.GetString(0), r.GetInt64(1))))
            .ToDictionary(r => r.Item1, r => r.Item2);
        return shards.ToDictionary(s => s, s => all.GetValueOrDefault(s));
    }

    private static async Task<List<T>> Rows<T>(NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
