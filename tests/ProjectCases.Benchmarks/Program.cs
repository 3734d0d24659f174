using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using ProjectCases.Benchmarks;
using ProjectCases.Infrastructure.Postgres;
using static ProjectCases.Benchmarks.Results;

// dotnet run -c Release --project tests/ProjectCases.Benchmarks [-- --quick]   (docs/benchmarks/README.md)
if (BenchmarkSettings.Unknown(args) is { Count: > 0 } unknown)
{
    var asked = unknown.Any(a => a is "--help" or "-h" or "-?");
    if (!asked) Console.Error.WriteLine($"Unknown argument: {string.Join(" ", unknown)}");
    Console.WriteLine(BenchmarkSettings.Usage);
    return asked ? 0 : 2;
}
var settings = BenchmarkSettings.From(args);
if (settings.RequestPathOnly && !settings.HttpOnly)
{
    Console.Error.WriteLine("--request-path measures the HTTP figures only: use it with --http.");
    return 2;
}
var root = RepositoryRoot();
// The service measured: this checkout's, or with --service another one's (a before/after pair measured by one program).
var serviceRoot = settings.ServiceCheckout ?? root;
var clock = Stopwatch.StartNew();
var dataDirectory = Path.Combine(Path.GetTempPath(), $"projectcases-bench-{Guid.NewGuid():N}");
var postgres = PostgresServer.Create(dataDirectory, PostgresServer.FreePort());
var results = new Results();
var peakMemory = 0.0;
var queuePlan = "";
var searchPlan = "";
var statements = new List<string>();
var profile = settings.Profile ? new CpuProfile() : null;
ServiceProcess.Profiling = settings.Profile;
var projects = Array.Empty<Guid>();
ServiceProcess? service = null;
DaemonHeldElsewhere? daemonHeld = null;

Console.CancelKeyPress += (_, _) => CleanUp().GetAwaiter().GetResult();
try
{
    Console.WriteLine($"ProjectCases benchmark ({(settings.Quick ? "quick" : "full")} run). PostgreSQL data in {dataDirectory} (fsync and synchronous_commit on; GLIBC_TUNABLES={PostgresServer.AllocatorTunables}).");
    await postgres.StartAsync(default, StatementCounts.ServerSetting);
    await postgres.EnsureDatabaseAsync("bench");
    var database = postgres.ConnectionString("bench").Replace("Maximum Pool Size=100", "Maximum Pool Size=150");
    await StatementCounts.InstallAsync(database);
    Console.WriteLine($"Building the service in Release{(serviceRoot == root ? "" : $" from {serviceRoot}")}...");
    await ServiceProcess.BuildAsync(serviceRoot);

    if (settings.ConsoleOnly)
    {
        await ConsoleOnly(database);
        return 0;
    }
    if (settings.ClusterOnly)
    {
        Console.WriteLine("\nThe service as a cluster: 1, 2 and 3 nodes on this machine, then kill -9 of the node holding the most async shards");
        await ClusterRun.Measure(serviceRoot, database, settings, results);
        Console.WriteLine($"\n{results.Table()}\nDone in {clock.Elapsed.TotalMinutes:0.0} min (not written to docs/benchmarks: a partial run).");
        return 0;
    }
    if (settings.SearchOnly)
    {
        await SearchOnly(database);
        return 0;
    }
    if (settings.ImportRows is { } importRows)
    {
        service = await ServiceProcess.StartAsync(serviceRoot, database);
        Console.WriteLine("\nBulk import through POST /api/imports");
        await ImportThroughput.Measure(service.BaseAddress, importRows, results);
        Console.WriteLine($"\n{results.Table()}\nDone in {clock.Elapsed.TotalMinutes:0.0} min (not written to docs/benchmarks: a partial run).");
        return 0;
    }

    Console.WriteLine("\nRaw ceiling: one event-sized row per transaction over Npgsql");
    var raw = new Dictionary<int, Measurement>();
    foreach (var connections in BenchmarkSettings.StoreConcurrency)
    {
        raw[connections] = await StoreCeilings.RawInserts(database, connections, settings.WriteDuration);
        results.Add($"raw insert, {connections} connections", Rate(raw[connections].PerSecond, "rows/s"), Latency(raw[connections]));
    }

    Console.WriteLine("\nBare Marten: one event per SaveChangesAsync to an existing stream");
    foreach (var sessions in BenchmarkSettings.StoreConcurrency)
    {
        var m = await StoreCeilings.MartenAppends(database, sessions, settings.WriteDuration);
        results.Add($"Marten append, {sessions} sessions", Rate(m.PerSecond, "events/s"), Latency(m), $"{m.PerSecond / raw[sessions].PerSecond:0.00} × raw");
    }

    Console.WriteLine("\nThe service over HTTP (Release build, authenticated, rate limit off)");
    var runtimeSettings = string.Join(", ", ImageEnvironment.RuntimeSettings(serviceRoot).Select(s => $"{s.Key}={s.Value}"));
    Console.WriteLine($"Runtime settings from its deploy/Dockerfile: {(runtimeSettings.Length > 0 ? runtimeSettings : "none")}");
    if (settings.RequestPathOnly) daemonHeld = await DaemonHeldElsewhere.TakeAsync(serviceRoot, database);
    service = await ServiceProcess.StartAsync(serviceRoot, database);
    using (var client = new ServiceClient(service.BaseAddress))
    {
        projects = new Guid[settings.Projects];
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Projects), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (n, _) => projects[n] = await client.RegisterProject(n));

        Console.WriteLine($"Warm-up: {settings.WarmUp.TotalSeconds:0} s of touchpoints and project reads at 16 clients (not a figure)");
        await Measurement.ForDuration(16, settings.WarmUp, (worker, i) => i % 2 == 0
            ? client.Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/projects/{projects[(worker + i * 16) % projects.Length]}/touchpoints", "officer", ServiceClient.Touchpoint())
            : client.Expect(HttpStatusCode.OK, HttpMethod.Get, $"/api/projects/{projects[(worker + i * 16) % projects.Length]}", "officer"));

        foreach (var clients in BenchmarkSettings.HttpConcurrency)
        {
            var m = await Observed(database, $"POST touchpoints, {clients} clients", clients == 16, () => Measurement.ForDuration(clients, settings.WriteDuration, (worker, i) =>
                client.Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/projects/{projects[(worker + i * clients) % projects.Length]}/touchpoints", "officer", ServiceClient.Touchpoint())));
            var ratio = raw.TryGetValue(clients, out var ceiling) ? m.PerSecond / ceiling.PerSecond : (double?)null;
            var (target, met) = clients switch
            {
                16 => ("≥ 0.35 × raw, p99 ≤ 50 ms", ratio >= 0.35 && m.P99Ms <= 50),
                64 => ("no errors, p99 ≤ 150 ms", m.Failures == 0 && m.P99Ms <= 150),
                _ => ("", (bool?)null),
            };
            results.Add($"POST touchpoints, {clients} clients", Rate(m.PerSecond, "req/s"), Latency(m), ratio is null ? "" : $"{ratio:0.00} × raw", target, met);
        }

        foreach (var clients in BenchmarkSettings.HttpConcurrency)
        {
            var m = await Observed(database, $"GET project, {clients} clients", clients == 16, () => Measurement.ForDuration(clients, settings.ReadDuration, (worker, i) =>
                client.Expect(HttpStatusCode.OK, HttpMethod.Get, $"/api/projects/{projects[(worker + i * clients) % projects.Length]}", "officer")));
            results.Add($"GET project, {clients} clients", Rate(m.PerSecond, "req/s"), Latency(m), "",
                clients == 16 ? "≥ 4,000 req/s, p99 ≤ 15 ms" : "", clients == 16 ? m.PerSecond >= 4000 && m.P99Ms <= 15 : null);
        }

        // Time travel: a stream of 1,000 events, read as it stood half-way.
        var history = await client.RegisterProject(projects.Length);
        var halfWay = DateTimeOffset.MinValue;
        for (var n = 0; n < settings.AsOfStreamEvents; n++)
        {
            if (n == settings.AsOfStreamEvents / 2) halfWay = DateTimeOffset.UtcNow;
            await client.Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/projects/{history}/touchpoints", "officer", ServiceClient.Touchpoint());
        }
        var asOf = Uri.EscapeDataString(halfWay.ToString("O", CultureInfo.InvariantCulture));
        var timeTravel = await Measurement.Sequential(settings.Samples, _ =>
            client.Expect(HttpStatusCode.OK, HttpMethod.Get, $"/api/projects/{history}?asOf={asOf}", "officer"));
        results.Add($"GET project ?asOf= ({settings.AsOfStreamEvents:N0}-event stream), 1 client", Rate(timeTravel.PerSecond, "req/s"), Latency(timeTravel), "", "p99 ≤ 30 ms", timeTravel.P99Ms <= 30);

    }
    if (settings.HttpOnly)
    {
        results.Add("service peak resident memory (VmHWM)", $"{service.PeakResidentMegabytes():0} MB");
        if (daemonHeld is not null) Console.WriteLine($"\n{await daemonHeld.VerifyNoShardAdvancedAsync()}");
        Console.WriteLine($"\n{results.Table()}\n\n{string.Join("\n\n", statements)}\n{await InPlaceUpdates(database)}\n{profile?.Markdown}\nDone in {clock.Elapsed.TotalMinutes:0.0} min (not written to docs/benchmarks: a partial run).");
        return 0;
    }
    peakMemory = Math.Max(peakMemory, service.PeakResidentMegabytes());
    await service.DisposeAsync();

    // Seeded with the service stopped: its lock-monitoring connections run pg_sleep(60) in a loop, and a
    // running statement holds a snapshot, so VACUUM cannot mark freshly loaded pages all-visible (no
    // index-only scans) for up to a minute. A running system's autovacuum gets there a minute later.
    // PostgreSQL only notices a dead client when that sleep ends, so the killed service's sessions are ended here.
    Console.WriteLine($"\nSeeding {settings.TroubleCases:N0} open trouble cases...");
    await ServiceProcess.EndLeftoverSessionsAsync(database);
    await BulkSeeding.TroubleCases(database, projects, settings.TroubleCases);
    await Analyze(database);
    queuePlan = await QueryPlans.HotlineQueuePage(database);
    service = await ServiceProcess.StartAsync(serviceRoot, database);
    using (var client = new ServiceClient(service.BaseAddress))
    {
        await Measurement.Sequential(20, _ => client.Expect(HttpStatusCode.OK, HttpMethod.Get, "/api/hotline/queue", "hotline")); // warm-up
        var queue = await Measurement.Sequential(Math.Min(settings.Samples, 300), _ => client.Expect(HttpStatusCode.OK, HttpMethod.Get, "/api/hotline/queue", "hotline"));
        results.Add($"GET hotline queue ({settings.TroubleCases:N0} cases), 1 client", Rate(queue.PerSecond, "req/s"), Latency(queue), "", "p99 ≤ 50 ms", queue.P99Ms <= 50);
        var queueLoad = await Measurement.ForDuration(16, settings.ReadDuration, (_, _) => client.Expect(HttpStatusCode.OK, HttpMethod.Get, "/api/hotline/queue", "hotline"));
        results.Add($"GET hotline queue ({settings.TroubleCases:N0} cases), 16 clients", Rate(queueLoad.PerSecond, "req/s"), Latency(queueLoad));
    }
    Console.WriteLine("\nThe web console's pages (HTML, signed in with the console's cookie)");
    await ConsolePages.Measure(service.BaseAddress, projects, Math.Min(settings.Samples, 300), settings.TroubleCases, results);
    peakMemory = Math.Max(peakMemory, service.PeakResidentMegabytes());
    await service.DisposeAsync();
    service = null;

    Console.WriteLine($"\nSeeding {settings.SeededEvents:N0} events, then rebuilding each async report projection and the search index with the service's own command...");
    await BulkSeeding.ProjectEvents(database, settings.SeededEvents, SeedText.Load(root));
    await BulkSeeding.MarkSubscriptionsCaughtUp(database);
    await Analyze(database);
    var eventsInStore = await Scalar(database, "select count(*) from projectcases.mt_events");
    foreach (var projection in new[] { "FiscalYearActivity", "ProjectYearOrders" })
    {
        var rebuild = await Rebuild(serviceRoot, database, projection);
        results.Add($"rebuild {projection} ({eventsInStore:N0} events)", Rate(eventsInStore / rebuild.TotalSeconds, "events/s"), $"{rebuild.TotalSeconds:0.0} s", "",
            "≥ 25,000 events/s", eventsInStore / rebuild.TotalSeconds >= 25_000);
    }
    await RebuildSearchIndex(database, eventsInStore);

    service = await ServiceProcess.StartAsync(serviceRoot, database);
    using (var client = new ServiceClient(service.BaseAddress))
    {
        var kpi = await Measurement.Sequential(settings.Samples, i =>
            client.Expect(HttpStatusCode.OK, HttpMethod.Get, $"/api/reports/kpi?fiscalYear={2015 + i % 11}", "officer"));
        results.Add($"GET KPI report ({eventsInStore:N0} events), 1 client", Rate(kpi.PerSecond, "req/s"), Latency(kpi), "", "p99 ≤ 100 ms", kpi.P99Ms <= 100);
        Console.WriteLine("\nSearch over the rebuilt index, as an officer");
        await SearchLatency.Measure(client, database, Math.Min(settings.Samples, 300), eventsInStore, results);
    }
    peakMemory = Math.Max(peakMemory, service.PeakResidentMegabytes());
    results.Add("service peak resident memory (VmHWM)", $"{peakMemory:0} MB", "", "", "≤ 400 MB", peakMemory <= 400);

    var file = await WriteResultsFile(database);
    Console.WriteLine($"\nDone in {clock.Elapsed.TotalMinutes:0.0} min. Results: {Path.GetRelativePath(root, file)}");
    return 0;
}
finally
{
    await CleanUp();
}

async Task CleanUp()
{
    if (service is not null) await service.DisposeAsync();
    service = null;
    if (daemonHeld is not null) await daemonHeld.DisposeAsync();
    daemonHeld = null;
    await postgres.StopAsync();
    if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
}

// `--console`: the console pages' figures alone. The data: the projects with ten touchpoints each (a case file with
// a timeline to render) and the open trouble cases of the run, seeded as for the queue figure above.
async Task ConsoleOnly(string database)
{
    service = await ServiceProcess.StartAsync(serviceRoot, database);
    using (var client = new ServiceClient(service.BaseAddress))
    {
        projects = new Guid[settings.Projects];
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Projects), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            projects[n] = await client.RegisterProject(n);
            for (var t = 0; t < 10; t++)
                await client.Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/projects/{projects[n]}/touchpoints", "officer", ServiceClient.Touchpoint());
        });
    }
    await service.DisposeAsync();
    service = null;
    Console.WriteLine($"Seeding {settings.TroubleCases:N0} open trouble cases...");
    await ServiceProcess.EndLeftoverSessionsAsync(database);
    await BulkSeeding.TroubleCases(database, projects, settings.TroubleCases);
    await Analyze(database);
    service = await ServiceProcess.StartAsync(serviceRoot, database);
    Console.WriteLine("\nThe web console's pages (HTML, signed in with the console's cookie)");
    await ConsolePages.Measure(service.BaseAddress, projects, Math.Min(settings.Samples, 300), settings.TroubleCases, results);
    Console.WriteLine($"\n{results.Table()}\nDone in {clock.Elapsed.TotalMinutes:0.0} min (not written to docs/benchmarks: a partial run).");
}

// `--search`: the search figure alone. The service runs once to create the schema, then the project events are seeded
// and the search index rebuilt with the service stopped, exactly as in the full run.
async Task SearchOnly(string database)
{
    service = await ServiceProcess.StartAsync(serviceRoot, database);
    await service.DisposeAsync();
    service = null;
    await ServiceProcess.EndLeftoverSessionsAsync(database);
    Console.WriteLine($"Seeding {settings.SeededEvents:N0} project events...");
    await BulkSeeding.ProjectEvents(database, settings.SeededEvents, SeedText.Load(root));
    await BulkSeeding.MarkSubscriptionsCaughtUp(database);
    await Analyze(database);
    var eventsInStore = await Scalar(database, "select count(*) from projectcases.mt_events");
    await RebuildSearchIndex(database, eventsInStore);
    service = await ServiceProcess.StartAsync(serviceRoot, database);
    using (var client = new ServiceClient(service.BaseAddress))
    {
        Console.WriteLine("\nSearch over the rebuilt index, as an officer");
        await SearchLatency.Measure(client, database, Math.Min(settings.Samples, 300), eventsInStore, results);
    }
    Console.WriteLine($"\n{results.Table()}\nDone in {clock.Elapsed.TotalMinutes:0.0} min (not written to docs/benchmarks: a partial run).");
}

// The search index (an inline projection) rebuilt from every event as an operator would after a change to it, then
// analysed: the planner's choice between walking titles and the bigram index depends on its statistics.
async Task RebuildSearchIndex(string database, long eventsInStore)
{
    var rebuild = await Rebuild(serviceRoot, database, SearchLatency.ProjectionName);
    results.Add($"rebuild search index ({eventsInStore:N0} events)", Rate(eventsInStore / rebuild.TotalSeconds, "events/s"), $"{rebuild.TotalSeconds:0.0} s");
    await Analyze(database);
    searchPlan = await QueryPlans.SearchPage(database, SeedText.Queries[0].Term);
    Console.WriteLine($"Plans of the search for {SeedText.Queries[0].Term} (EXPLAIN ANALYZE, before the service's run):\n{searchPlan}");
}

// A phase, and for the 16-client ones what PostgreSQL executed and the CPU each process spent per request
// (and with --profile, where the service's CPU went).
async Task<Measurement> Observed(string database, string phase, bool observe, Func<Task<Measurement>> run)
{
    if (!observe) return await run();
    await StatementCounts.ResetAsync(database);
    var cpuBefore = CpuAccounting.Now(service!.Pid);
    var m = profile is null ? await run() : await profile.During(phase, service.Pid, run);
    var cpu = CpuAccounting.Now(service.Pid).PerRequestSince(cpuBefore, m.Operations + m.Failures);
    statements.Add(await StatementCounts.ReportAsync(database, phase, m.Operations + m.Failures, cpu));
    return m;
}

// The rebuild as an operator runs it; the figure is Marten's own timing of the rebuild, without process start-up.
async Task<TimeSpan> Rebuild(string repositoryRoot, string database, string projection)
{
    var finished = TimeSpan.Zero;
    var output = new List<string>();
    var watch = Stopwatch.StartNew();
    var exit = await ServiceProcess.Run("dotnet", [ServiceProcess.Dll(repositoryRoot), "projections", "rebuild", "-p", projection],
        repositoryRoot, ServiceProcess.Environment(database, PostgresServer.FreePort(), repositoryRoot), line =>
        {
            lock (output) output.Add(line);
            if (Regex.Match(line, @"Finished rebuild in (\d+) ms") is { Success: true } match) finished = TimeSpan.FromMilliseconds(int.Parse(match.Groups[1].Value));
        });
    if (exit != 0)
        throw new InvalidOperationException($"`projections rebuild` exited with {exit} after {watch.Elapsed.TotalSeconds:0} s. Its last output:\n{string.Join('\n', output.TakeLast(40))}");
    return finished > TimeSpan.Zero ? finished : watch.Elapsed;
}

// After a bulk load, as autovacuum would do on its own in a running system: statistics and the visibility map.
static async Task Analyze(string database)
{
    await using var dataSource = NpgsqlDataSource.Create(database);
    await using var analyze = dataSource.CreateCommand("vacuum (analyze)");
    await analyze.ExecuteNonQueryAsync();
}

// How many row updates PostgreSQL made in place (HOT: no index touched), for the tables updated most.
static async Task<string> InPlaceUpdates(string database)
{
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        "select relname, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where n_tup_upd > 0 order by n_tup_upd desc limit 8", connection);
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string> { "| table | updates | in place (HOT) |", "| --- | ---: | ---: |" };
    while (await reader.ReadAsync())
        lines.Add($"| {reader.GetString(0)} | {reader.GetInt64(1):N0} | {reader.GetInt64(2) * 100.0 / Math.Max(1, reader.GetInt64(1)):0} % |");
    return string.Join("\n", lines);
}

static async Task<long> Scalar(string database, string sql)
{
    await using var dataSource = NpgsqlDataSource.Create(database);
    await using var command = dataSource.CreateCommand(sql);
    return Convert.ToInt64(await command.ExecuteScalarAsync());
}

async Task<string> WriteResultsFile(string database)
{
    await using var dataSource = NpgsqlDataSource.Create(database);
    await using var version = dataSource.CreateCommand("show server_version");
    var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    var commit = "unknown";
    await ServiceProcess.Run("git", ["rev-parse", "--short", "HEAD"], serviceRoot, null, line => commit = line.Trim());
    var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var file = Path.Combine(root, "docs", "benchmarks", $"results-{date}{(settings.Quick ? "-quick" : "")}{(settings.Profile ? "-profile" : "")}.md");
    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
    await File.WriteAllTextAsync(file, $"""
        # Benchmark results, {date} ({(settings.Quick ? "quick" : "full")} run)

        Command: `dotnet run -c Release --project tests/ProjectCases.Benchmarks{(settings.Quick ? " -- --quick" : "")}` · duration {clock.Elapsed.TotalMinutes:0.0} min

        Machine: {Environment.ProcessorCount} cores, {long.Parse(memory) / 1024 / 1024.0:0.0} GiB memory, PostgreSQL {await version.ExecuteScalarAsync()} on loopback
        (fresh data directory, fsync and synchronous_commit on, `GLIBC_TUNABLES={PostgresServer.AllocatorTunables}`), .NET {Environment.Version}, commit {commit}.
        Write phases {settings.WriteDuration.TotalSeconds:0} s per level, read phases {settings.ReadDuration.TotalSeconds:0} s, after a {settings.WarmUp.TotalSeconds:0} s warm-up; latency samples {settings.Samples:N0}.

        {results.Table()}
        Plans of the hotline queue's first page and total with {settings.TroubleCases:N0} open cases (`EXPLAIN (ANALYZE, BUFFERS)` of the SQL Marten generates for the endpoint's query):

        ```
        {queuePlan}
        ```

        Plans of an officer's search for {SeedText.Queries[0].Term} over the rebuilt search index (`EXPLAIN (ANALYZE, BUFFERS)` of the SQL Marten generates for the endpoint's query):

        ```
        {searchPlan}
        ```

        What PostgreSQL executed per request in the 16-client phases (`pg_stat_statements`), and the CPU time per request of each process (`/proc`):

        {string.Join("\n", statements)}
        {(profile is null ? "" : "CPU profiles (`--profile`):\n\n" + profile.Markdown)}
        How each figure is measured, and what limits the missed ones: [README.md](README.md).
        """);
    return file;
}

static string RepositoryRoot() => ProjectCases.Infrastructure.SourceCheckout.RootAbove(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("Run the benchmark from inside the repository (ProjectCases.sln not found above the program).");
