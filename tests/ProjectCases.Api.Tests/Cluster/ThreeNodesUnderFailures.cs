using System.Diagnostics;
using Npgsql;
using ProjectCases.Infrastructure.Postgres;
using Xunit.Abstractions;

namespace ProjectCases.Api.Tests.Cluster;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster"; // runs alone: three service processes and a database on two cores
}

/// <summary>
/// Three service processes in cluster mode on one throw-away PostgreSQL, under a mixed load spread over them
/// by <see cref="BalancingClient"/>: (a) a rolling restart with SIGTERM, (b) kill -9 of the node holding most
/// projection agents, (c) a PostgreSQL restart. Figures go to the test output and to cluster-figures.txt in
/// the test's output folder. docs/operations.md, "Running several nodes", describes what is proven here.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ThreeNodesUnderFailures(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Schema = "projectcases";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private PostgresServer _server = null!;
    private string _database = "";
    private readonly List<ServiceNode> _nodes = [];
    private readonly Dictionary<Guid, ServiceNode> _wolverineNodes = [];
    private readonly List<string> _figures = [];
    private readonly string _mail = Path.Combine(Path.GetTempPath(), $"projectcases-cluster-mail-{Guid.NewGuid():N}");
    /// <summary>How many async projections and subscriptions the nodes run, as their agent assignments show once settled.</summary>
    private long _shardCount;

    public async Task InitializeAsync()
    {
        _server = PostgresServer.Create(Path.Combine(Path.GetTempPath(), $"projectcases-cluster-{Guid.NewGuid():N}"), PostgresServer.FreePort());
        await _server.StartAsync();
        await _server.EnsureDatabaseAsync("projectcases");
        _database = _server.ConnectionString("projectcases");
        for (var i = 1; i <= 3; i++)
        {
            var name = $"node-{i}";
            _nodes.Add(new ServiceNode(name, PostgresServer.FreePort(), new Dictionary<string, string>
            {
                // Application Name: which connections belong to which node, in pg_stat_activity.
                ["ConnectionStrings__Marten"] = $"{_database};Application Name=projectcases-{name}",
                ["ASPNETCORE_ENVIRONMENT"] = "Development", // accepts development tokens
                ["Cluster__Enabled"] = "true",
                ["RateLimiting__PermitsPerSecond"] = "0",
                ["SampleData__LoadOnEmptyDatabase"] = "false",
                // The load records facts on fixed business dates (2024): a ten-year follow-up horizon keeps them "new", as in
                // the other API tests, so that each still gets its tasks.
                ["FollowUps__HorizonDays"] = "3650",
                ["Logging__LogLevel__Default"] = "Warning",
                // Where each agent starts and stops, and when: what a shard that stops advancing needs explained.
                ["Logging__LogLevel__Wolverine.Runtime.Agents"] = "Information",
                ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
                // Notifications run as in production, into a folder of the test's own rather than the checkout's .data/mail.
                ["Notifications__PickupDirectory"] = Path.Combine(_mail, name),
                // Untriaged (Medium) cases breach their first response after 18 s and their resolution after 36 s,
                // so the durable service-level checks come due while nodes stop, die and come back.
                ["Hotline__ServiceLevels__Medium__FirstResponse"] = "0.005h",
                ["Hotline__ServiceLevels__Medium__Resolution"] = "0.01h",
            }));
        }
        // One at a time: the first one creates the schema, and each new Wolverine node row belongs to the node just started.
        foreach (var node in _nodes) await Start(node);
    }

    // Issue 19. History: on 2026-11-30, with six builds sharing the two cores, 6 of 734 breaches were late (fixed: durable
    // checks retry races and outages). On 2026-12-01, in a clean-clone CI run, everything settled except the follow-up
    // rules subscription, which stayed at one event for the whole 240 s with all three nodes heart-beating and readiness
    // green, and one due-date reminder was dead-lettered while PostgreSQL restarted. Reproduced here the same day (run 6 of
    // 9, EventSealing and ProjectYearActivity): the leader moved shards to the node restarted after the kill -9 just as
    // PostgreSQL stopped; their start failed (or its command was lost), the node recorded no assignment, and the leader held
    // them as pending there for Wolverine's AgentProgressStallTimeout of 5 minutes, so they ran nowhere. Fixed with
    // Wolverine's own settings (ClusterSetup.ApplyCluster: the start retried for ~15 s, the leader re-deciding after 30 s);
    // every durable message gets DurableMessageFailures through a handler policy (test DurableMessageRetries); each node
    // checks its async shards every 10 s and readiness names a stuck one (AsyncShardAgentsCheck); a failure here prints
    // every node's readiness. Runs: docs/operations.md, "Tested by".
    [Fact]
    public async Task every_acknowledged_write_follow_up_seal_and_breach_exists_exactly_once_through_a_rolling_restart_a_kill_9_and_a_database_restart()
    {
        using var client = new BalancingClient(_nodes);
        var load = new MixedLoad(client);
        using var stop = new CancellationTokenSource();
        var running = load.Run(workers: 4, stop.Token);
        var total = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(8));

        // (a) Rolling restart: each node in turn gets SIGTERM, leaves, and comes back on its address.
        var before = Snapshot(client);
        foreach (var node in _nodes)
        {
            var left = await node.TerminateAsync(TimeSpan.FromSeconds(40));
            var back = Stopwatch.StartNew();
            await Start(node);
            Figure($"rolling restart: {node.Name} left {left.TotalSeconds:0.0} s after SIGTERM, ready again {back.Elapsed.TotalSeconds:0.0} s later");
        }
        var rolling = Difference(before, Snapshot(client));
        Figure($"rolling restart, client outcomes: {Describe(rolling)}");
        Assert.Empty(client.GaveUp);
        Assert.Empty(client.InDoubt);
        Assert.Empty(client.CarriedOut); // a graceful stop answers every request it took
        Assert.Empty(client.ServerErrors);

        // (b) kill -9 of the node that holds the most projection and subscription agents.
        await Task.Delay(TimeSpan.FromSeconds(3));
        _shardCount = await ShardsOnceAssigned();
        Figure($"agents: {_shardCount} async projections and subscriptions over 3 nodes");
        var (holder, shards) = await AgentHolder();
        var positions = await Progress(shards);
        var killedAt = Stopwatch.StartNew();
        await holder.KillAsync();
        Figure($"kill -9: {holder.Name} held {string.Join(", ", shards)}");
        TimeSpan? reassigned = null, resumed = null;
        var shardResumed = new Dictionary<string, TimeSpan>();
        // Until both are seen: the shards may advance again (another node took them) before every assignment row names a live node.
        while (killedAt.Elapsed < TimeSpan.FromSeconds(90) && (resumed is null || reassigned is null))
        {
            await Task.Delay(250);
            if (reassigned is null && await AllShardsOnLiveNodes(holder)) reassigned = killedAt.Elapsed;
            var now = await Progress(shards);
            foreach (var shard in shards.Where(s => now[s] > positions[s])) shardResumed.TryAdd(shard, killedAt.Elapsed);
            if (resumed is null && shardResumed.Count == shards.Length) resumed = killedAt.Elapsed;
        }
        Figure($"kill -9: per shard, advancing again after {string.Join(", ", shardResumed.Select(s => $"{s.Key} {s.Value.TotalSeconds:0.0} s"))}");
        Figure($"kill -9: agents reassigned after {Seconds(reassigned)}, every async projection of the killed node advancing again after {Seconds(resumed)} (target < 30 s)");
        await Start(holder);

        // (c) PostgreSQL restart under load.
        var pgDown = Stopwatch.StartNew();
        await _server.StopAsync();
        await _server.StartAsync();
        Figure($"PostgreSQL restart: down and up again in {pgDown.Elapsed.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(10));

        stop.Cancel();
        await running;
        var loadTime = total.Elapsed;
        Figure($"load: {load.Writes} acknowledged writes and {load.Reads} reads in {loadTime.TotalSeconds:0} s over 3 nodes; client outcomes overall: {Describe(Snapshot(client))}");
        Figure($"writes in doubt (their node was killed mid-request and the key stayed claimed): {client.InDoubt.Count}; " +
            $"carried out but unanswered (committed, then the node or the database went before the response): {client.CarriedOut.Count}");
        foreach (var error in client.ServerErrors.Take(5)) Figure($"500: {error}");
        foreach (var unexpected in load.Unexpected.Take(5)) Figure($"unexpected: {unexpected}");
        // The takeover time is a figure (target < 30 s, docs/operations.md), not an assertion: no timed assertions in
        // this suite, and on a shared 2-core machine it varies with the load of others. That work resumes at all is asserted.
        Assert.NotNull(resumed);
        Assert.Empty(client.ServerErrors);
        Assert.Empty(client.GaveUp);
        Assert.Empty(load.Unexpected);

        var settled = Stopwatch.StartNew();
        await WaitUntilSettled(load, TimeSpan.FromSeconds(240));
        Figure($"after the load: breaches due and projections caught up {settled.Elapsed.TotalSeconds:0.0} s later");
        Figure($"readiness once settled:\n{await Readiness()}");
        // A durable check in the dead letters is a breach or an overdue mark that will never be recorded, a notification
        // one an e-mail never sent: races and outages are retried (DurableMessageFailures), so none may end there.
        var deadLetters = await Rows($"select message_type, exception_type, count(*) from {Schema}.wolverine_dead_letters group by 1, 2",
            r => $"{r.GetInt64(2)} x {r.GetString(0)} ({r.GetString(1)})");
        Figure($"dead letters: {(deadLetters.Count == 0 ? "none" : string.Join("; ", deadLetters))}");
        Assert.DoesNotContain(deadLetters, d => d.Contains(".CheckFirstResponse") || d.Contains(".CheckResolution") || d.Contains(".CheckFollowUpDue") || d.Contains(".SendNotification"));
        await AssertEverythingExactlyOnce(load, client.InDoubt.Count + client.CarriedOut.Count);
        await StorageFigures();
        Figure($"whole scenario: {total.Elapsed.TotalSeconds:0} s");
    }

    private async Task Start(ServiceNode node)
    {
        await node.StartAsync(StartTimeout);
        // The Wolverine node row that appeared since: this process's id in wolverine_nodes and its agent assignments.
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(200))
        {
            var fresh = (await Query<Guid>($"select id from {Schema}.wolverine_nodes")).Where(id => !_wolverineNodes.ContainsKey(id)).ToList();
            if (fresh.Count == 0) continue;
            foreach (var id in fresh) _wolverineNodes[id] = node;
            return;
        }
        throw new TimeoutException($"{node.Name} never appeared in wolverine_nodes.");
    }

    /// <summary>
    /// How many async projections and subscriptions the nodes run (progression rows named `Shard:All`; the others,
    /// such as HighWaterMark or HighWaterStuckGap, are the daemon's own bookkeeping): once every shard has an
    /// agent assigned (right after the rolling restart some may still be moving), the two counts agree.
    /// </summary>
    private async Task<long> ShardsOnceAssigned()
    {
        long assigned = 0, recorded = 0;
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(250))
        {
            assigned = await Scalar($"select count(distinct id) from {Schema}.wolverine_node_assignments where id like 'event-subscriptions://%'");
            recorded = await Scalar($"select count(*) from {Schema}.mt_event_progression where name like '%:%'");
            if (assigned == recorded && assigned > 0) return assigned;
        }
        return Math.Max(assigned, recorded);
    }

    private async Task<(ServiceNode Node, string[] Shards)> AgentHolder()
    {
        var rows = await Rows($"select node_id, id from {Schema}.wolverine_node_assignments where id like 'event-subscriptions://%'",
            r => (Node: r.GetGuid(0), Agent: r.GetString(1)));
        var busiest = rows.GroupBy(r => r.Node).OrderByDescending(g => g.Count()).First();
        return (_wolverineNodes[busiest.Key], busiest.Select(r => ShardOf(r.Agent)).ToArray());
    }

    /// <summary>`event-subscriptions://marten/main/{db}/eventsealing/all` → `eventsealing/all` (progression `EventSealing:All`).</summary>
    private static string ShardOf(string agent) => string.Join('/', agent.TrimEnd('/').Split('/')[^2..]);

    private async Task<bool> AllShardsOnLiveNodes(ServiceNode dead)
    {
        var owners = await Query<Guid>($"select node_id from {Schema}.wolverine_node_assignments where id like 'event-subscriptions://%'");
        return owners.Count >= _shardCount && owners.All(o => _wolverineNodes.TryGetValue(o, out var n) && n != dead);
    }

    private async Task<Dictionary<string, long>> Progress(IEnumerable<string> shards)
    {
        var all = (await Rows($"select lower(replace(name, ':', '/')), last_seq_id from {Schema}.mt_event_progression", r => (r.GetString(0), r.GetInt64(1))))
            .ToDictionary(r => r.Item1, r => r.Item2);
        return shards.ToDictionary(s => s, s => all.GetValueOrDefault(s));
    }

    /// <summary>
    /// Every breach due has been recorded and every shard that the agents run has reached the last event. The last
    /// resolution checks fall due 36 s after the last report; on a busy machine the nodes take longer to run them, so
    /// the wait is generous and prints its progress; a timeout says what is missing and where its checks are.
    /// </summary>
    private async Task WaitUntilSettled(MixedLoad load, TimeSpan timeout)
    {
        var progress = Stopwatch.StartNew();
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(500))
        {
            var breaches = await Scalar($"select count(*) from {Schema}.mt_events where type in ('first_response_overdue', 'resolution_overdue')");
            var last = await Scalar($"select coalesce(max(seq_id), 0) from {Schema}.mt_events");
            var shards = await Rows($"select name, last_seq_id from {Schema}.mt_event_progression where name like '%:%'", r => (Name: r.GetString(0), At: r.GetInt64(1)));
            var missing = await MissingBreaches(load);
            // The follow-up rules' tasks that stay open fall due at once (past dates): each must get its overdue mark, which a
            // durable scheduled message appends some seconds after the task; a shard restarted late creates tasks late.
            var overdueMissing = load.Touchpoints.Count + load.Awards.Count - await OpenOverdueTasks();
            if (missing.Count == 0 && overdueMissing <= 0 && shards.Count >= _shardCount && shards.All(s => s.At >= last)) return;
            if (progress.Elapsed > TimeSpan.FromSeconds(10))
            {
                progress.Restart();
                output.WriteLine($"settling, {waited.Elapsed.TotalSeconds:0} s: {breaches} breach events, {missing.Count} acknowledged cases still lack one, {Math.Max(overdueMissing, 0)} open tasks lack their overdue mark; " +
                    $"shards behind the last event ({last}): {string.Join(", ", shards.Where(s => s.At < last).Select(s => $"{s.Name} at {s.At}"))}");
            }
            if (waited.Elapsed > timeout)
                throw new TimeoutException($"Not settled within {timeout.TotalSeconds} s: {breaches} breach events, {missing.Count} acknowledged cases lack one; " +
                    $"last event {last}; shards ({shards.Count} of {_shardCount} expected): {string.Join(", ", shards.Select(s => $"{s.Name} at {s.At}"))}\n" +
                    await Diagnose(missing) + "\n" + await Readiness());
        }
    }

    /// <summary>Tasks of the rules whose tasks stay open (record-outcome, post-award-check-in) that have their overdue mark.</summary>
    private Task<long> OpenOverdueTasks() => Scalar($"""
        select count(*) from {Schema}.mt_events s join {Schema}.mt_events o on o.stream_id = s.stream_id and o.type = 'follow_up_overdue'
        where s.type = 'follow_up_scheduled' and s.data->>'rule' in ('record-outcome', 'post-award-check-in')
        """);

    /// <summary>Acknowledged cases that lack their first-response or resolution breach: (case, "first_response_overdue" or "resolution_overdue").</summary>
    private async Task<List<(Guid Case, string Breach)>> MissingBreaches(MixedLoad load)
    {
        var recorded = (await Rows($"select stream_id, type from {Schema}.mt_events where type in ('first_response_overdue', 'resolution_overdue')",
            r => (r.GetGuid(0), r.GetString(1)))).ToHashSet();
        return [.. load.Troubles.SelectMany(id => new[] { (id, "first_response_overdue"), (id, "resolution_overdue") }).Where(b => !recorded.Contains(b))];
    }

    /// <summary>
    /// Where the service-level checks of the cases lacking a breach are: their Wolverine inbox rows (status, owner node,
    /// attempts; found by the case id in the message body), their dead letters, the events of their streams, the
    /// nodes alive, and every dead letter of the run.
    /// </summary>
    private async Task<string> Diagnose(List<(Guid Case, string Breach)> missing)
    {
        var lines = new List<string>();
        var nodes = await Rows($"select node_number, id, health_check::text from {Schema}.wolverine_nodes order by 1",
            r => $"#{r.GetInt32(0)} ({(_wolverineNodes.TryGetValue(r.GetGuid(1), out var n) ? n.Name : "?")}, heartbeat {r.GetString(2)})");
        lines.Add($"nodes: {string.Join(", ", nodes)}; now {(await Query<string>("select now()::text")).Single()}");
        foreach (var (id, breach) in missing.Take(10))
        {
            var key = id.ToString();
            lines.Add($"case {id} lacks {breach}:");
            lines.AddRange((await Rows($"""
                select message_type, status, owner_id, attempts, execution_time::text, "timestamp"::text from {Schema}.wolverine_incoming_envelopes
                where position(convert_to('{key}', 'UTF8') in body) > 0 order by "timestamp"
                """, r => $"  inbox: {r.GetString(0)} {r.GetString(1)} owner {r.GetInt32(2)} attempts {r.GetInt32(3)} due {(r.IsDBNull(4) ? "-" : r.GetString(4))} stored {r.GetString(5)}"))
                .DefaultIfEmpty("  inbox: no row"));
            lines.AddRange((await Rows($"""
                select message_type, exception_type, exception_message, execution_time::text from {Schema}.wolverine_dead_letters
                where position(convert_to('{key}', 'UTF8') in body) > 0
                """, r => $"  dead letter: {r.GetString(0)} {r.GetString(1)}: {r.GetString(2)}"))
                .DefaultIfEmpty("  dead letter: none"));
            lines.Add("  events: " + string.Join(", ", await Rows($"select version, type, \"timestamp\"::text from {Schema}.mt_events where stream_id = '{key}' order by version",
                r => $"{r.GetInt64(0)} {r.GetString(1)} at {r.GetString(2)}")));
        }
        lines.AddRange((await Rows($"""
            select message_type, exception_type, left(exception_message, 300), count(*) from {Schema}.wolverine_dead_letters group by 1, 2, 3
            """, r => $"dead letters: {r.GetInt64(3)} x {r.GetString(0)} {r.GetString(1)}: {r.GetString(2)}")).DefaultIfEmpty("dead letters: none"));
        lines.AddRange(await Rows($"""
            select message_type, status, owner_id, count(*) from {Schema}.wolverine_incoming_envelopes where status <> 'Handled' group by 1, 2, 3
            """, r => $"inbox not handled: {r.GetInt64(3)} x {r.GetString(0)} {r.GetString(1)} owner {r.GetInt32(2)}"));
        return string.Join('\n', lines);
    }

    /// <summary>
    /// What each node's /health/ready says (status and body): the database, dead letters, shards not advancing, and the
    /// node's own async shard agents (running, stopped or paused and why).
    /// </summary>
    private async Task<string> Readiness()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var lines = new List<string>();
        foreach (var node in _nodes.Where(n => n.IsRunning))
        {
            try
            {
                using var response = await http.GetAsync(new Uri(node.BaseAddress, "/health/ready"));
                lines.Add($"{node.Name} /health/ready {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lines.Add($"{node.Name} /health/ready: {e.Message}");
            }
        }
        return string.Join('\n', lines);
    }

    /// <param name="unnamed">Writes that may exist without the load knowing their ids (in doubt, or carried out but unanswered).</param>
    private async Task AssertEverythingExactlyOnce(MixedLoad load, int unnamed)
    {
        var inDoubt = unnamed;
        // Acknowledged writes: each exactly once; beyond them at most the writes in doubt.
        var registered = await CountBy("stream_id::text", "project_registered");
        Assert.All(load.Projects, id => Assert.Equal(1, registered.GetValueOrDefault(id.ToString())));
        Assert.InRange(registered.Count, load.Projects.Count, load.Projects.Count + inDoubt);
        await AssertOncePerId("data->>'tenderId'", "tender_opened", load.Tenders);
        await AssertOncePerId("data->>'awardId'", "contract_awarded", load.Awards);
        await AssertOncePerId("data->>'touchpointId'", "touchpoint_logged", load.Touchpoints);
        var reported = await CountBy("stream_id::text", "trouble_reported");
        Assert.All(load.Troubles, id => Assert.Equal(1, reported.GetValueOrDefault(id.ToString())));

        // Follow-up tasks, created by the FollowUpRules subscription: one per rule and subject, each overdue at most once,
        // and exactly once where the task stays open (a past due date, nothing closes it).
        var tasks = await CountBy("(data->>'rule') || ':' || (data->>'subjectId')", "follow_up_scheduled");
        Assert.All(tasks, t => Assert.Equal(1, t.Value));
        foreach (var (rule, subjects) in new[] { ("record-outcome", load.Touchpoints), ("confirm-bidders", load.Tenders),
                     ("post-award-check-in", load.Awards), ("first-response", load.Troubles), ("resolution", load.Troubles) })
            Assert.All(subjects, s => Assert.True(tasks.ContainsKey($"{rule}:{s}"), $"no {rule} task for {s}"));
        var overdue = await CountBy("stream_id::text", "follow_up_overdue");
        Assert.All(overdue, o => Assert.Equal(1, o.Value));
        var openOverdueTasks = await OpenOverdueTasks();
        Assert.InRange(openOverdueTasks, load.Touchpoints.Count + load.Awards.Count, load.Touchpoints.Count + load.Awards.Count + unnamed);

        // Service-level breaches, from durable scheduled messages: exactly one of each per (untriaged, open) case.
        var firstResponse = await CountBy("stream_id::text", "first_response_overdue");
        var resolution = await CountBy("stream_id::text", "resolution_overdue");
        Assert.All(load.Troubles, id => Assert.Equal(1, firstResponse.GetValueOrDefault(id.ToString())));
        Assert.All(load.Troubles, id => Assert.Equal(1, resolution.GetValueOrDefault(id.ToString())));

        // Seals: every event sealed once (the seal's id is the event's sequence).
        var events = await Scalar($"select count(*) from {Schema}.mt_events");
        var unsealed = await Scalar($"select count(*) from {Schema}.mt_events e where not exists (select 1 from {Schema}.mt_doc_eventseal s where s.id = e.seq_id)");
        var seals = await Scalar($"select count(*) from {Schema}.mt_doc_eventseal");
        Assert.Equal(0, unsealed);
        Assert.Equal(events, seals);
        Figure($"checked: {events} events, {tasks.Count} follow-up tasks ({overdue.Count} overdue), {2 * load.Troubles.Count} breaches, {seals} seals, every async projection at the last event");
    }

    /// <summary>docs/scaling.md: bytes on disk (tables, indexes, TOAST) per event for the event store and the read models.</summary>
    private async Task StorageFigures()
    {
        var events = await Scalar($"select count(*) from {Schema}.mt_events");
        var sizes = await Rows($"""
            select case when c.relname in ('mt_events', 'mt_streams') then 'event store (mt_events, mt_streams)'
                        when c.relname like 'mt_doc_eventseal%' or c.relname like 'mt_doc_streamsealhead%' then 'seals'
                        when c.relname like 'wolverine_%' then 'wolverine (inbox, outbox, nodes)'
                        else 'read models and other documents' end, sum(pg_total_relation_size(c.oid))::bigint
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = '{Schema}' and c.relkind = 'r' group by 1 order by 1
            """, r => (r.GetString(0), r.GetInt64(1)));
        Figure($"storage after {events} events: " + string.Join("; ", sizes.Select(s => $"{s.Item1} {s.Item2 / 1024.0 / 1024.0:0.0} MB = {s.Item2 / (double)events:0} bytes/event")));
    }

    private async Task AssertOncePerId(string key, string type, IEnumerable<Guid> acknowledged)
    {
        var counts = await CountBy(key, type);
        Assert.All(acknowledged, id => Assert.Equal(1, counts.GetValueOrDefault(id.ToString())));
    }

    private async Task<Dictionary<string, long>> CountBy(string key, string type) =>
        (await Rows($"select {key}, count(*) from {Schema}.mt_events where type = '{type}' group by 1", r => (r.GetString(0), r.GetInt64(1))))
        .ToDictionary(r => r.Item1, r => r.Item2);

    private async Task<long> Scalar(string sql) => (await Query<long>(sql)).Single();

    private async Task<List<T>> Query<T>(string sql) => await Rows(sql, r => r.GetFieldValue<T>(0));

    private async Task<List<T>> Rows<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        // Unpooled: a pooled connection would not survive the PostgreSQL restart of phase (c).
        await using var connection = new NpgsqlConnection($"{_database};Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private static Dictionary<string, int> Snapshot(BalancingClient client) => new(client.Counts);

    private static Dictionary<string, int> Difference(Dictionary<string, int> before, Dictionary<string, int> after) =>
        after.ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key)).Where(kv => kv.Value > 0).ToDictionary();

    private static string Describe(Dictionary<string, int> counts) => string.Join(", ", counts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"));

    private static string Seconds(TimeSpan? time) => time is { } t ? $"{t.TotalSeconds:0.0} s" : "never (90 s)";

    private void Figure(string line)
    {
        _figures.Add(line);
        output.WriteLine(line);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "cluster-figures.txt"), _figures);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node.IsRunning) output.WriteLine($"--- {node.Name} (last lines)\n{node.LastLines()}");
            await node.DisposeAsync();
        }
        await _server.StopAsync();
        foreach (var folder in new[] { _server.DataDirectory, _mail })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
