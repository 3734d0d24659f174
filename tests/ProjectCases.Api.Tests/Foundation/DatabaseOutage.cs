using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using AgentStatus = JasperFx.AgentStatus;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Audit.Sealing;
using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure.Postgres;
using ProjectCases.Projects;
using Xunit.Abstractions;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// PostgreSQL stopped (fast shutdown, as in a fail-over) and started again under a write load, on a server
/// and host of their own. Clients retry with the same Idempotency-Key until their write is acknowledged.
/// </summary>
[Collection(ApiCollection.Name)]
public class DatabaseOutage(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 4;
    private PostgresServer _server = null!;
    private IAlbaHost _host = null!;
    private readonly ConcurrentBag<int> _statuses = [];

    public async Task InitializeAsync()
    {
        _server = PostgresServer.Create(Path.Combine(Path.GetTempPath(), $"projectcases-outage-{Guid.NewGuid():N}"), PostgresServer.FreePort());
        await _server.StartAsync();
        _host = await ApiFixture.StartHost(_server.ConnectionString("postgres"), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.StopAsync();
        try { Directory.Delete(_server.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task every_acknowledged_write_survives_and_the_rules_seals_and_projections_catch_up_exactly_once()
    {
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Clients).Select(client => Task.Run(() => Client(client, stop.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));

        // A backlog for the background work, so that the outage surely hits the rules, the seals and the
        // projections in the middle of a page: the burst is written while the daemon is paused, and
        // PostgreSQL is stopped once the rules have created some of the burst's tasks but not all.
        var coordinator = _host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        await coordinator.PauseAsync();
        var burst = await Burst();
        var tasksBefore = await TaskCount();
        await coordinator.ResumeAsync();
        await coordinator.DaemonForMainDatabase().StartAllAsync();
        var tasksAtStop = tasksBefore;
        var waiting = Stopwatch.StartNew();
        while (tasksAtStop < tasksBefore + 5) // the rules are working through the burst
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30), "the rules did not start on the burst");
            tasksAtStop = await TaskCount();
        }
        await _server.StopAsync();
        load.Add(Task.FromResult(burst.ToList()));

        var paused = new HashSet<string>();
        var down = Stopwatch.StartNew();
        while (down.Elapsed < TimeSpan.FromSeconds(4))
        {
            paused.UnionWith(coordinator.DaemonForMainDatabase().CurrentAgents().Where(a => a.Status == AgentStatus.Paused).Select(a => a.Name.Identity));
            await Task.Delay(100);
        }
        await _server.StartAsync();
        var back = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2));
        stop.Cancel();
        var written = (await Task.WhenAll(load)).SelectMany(w => w).ToList();
        await CaughtUp();
        output.WriteLine($"Rules had created {tasksAtStop - tasksBefore} of the burst's {BurstSize} tasks when PostgreSQL stopped; " +
            $"shards paused during the outage: {string.Join(", ", paused.Order())}; every projection caught up {back.Elapsed.TotalSeconds:F1} s " +
            $"after PostgreSQL was started again (load ran for the first 2 s of that); statuses seen by clients: " +
            string.Join(", ", _statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.True(tasksAtStop - tasksBefore < BurstSize, "the outage came after the rules had finished the burst: it tested nothing");
        Assert.Contains(paused, shard => shard.StartsWith("FollowUpRules")); // paused, to be resumed: not skipped

        Assert.DoesNotContain(_statuses, status => status >= 500 && status != 503);
        Assert.Contains(503, _statuses); // the outage was seen by clients: the test did what it says
        var projects = written;
        Assert.True(projects.Count >= Clients, "too little load to mean anything");

        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var touchpoints = await session.Events.QueryRawEventDataOnly<TouchpointLogged>().ToListAsync();
        foreach (var project in projects)
        {
            Assert.NotNull(await session.Events.FetchStreamStateAsync(project.ProjectId)); // acknowledged, so present
            Assert.Equal(project.Touchpoints, touchpoints.Count(t => t.ProjectId == project.ProjectId)); // and once
        }
        Assert.Equal(projects.Sum(p => p.Touchpoints), touchpoints.Count);

        // Each top-sales touchpoint asks for its outcome: one task, scheduled once.
        var scheduled = await session.Events.QueryRawEventDataOnly<FollowUpScheduled>().ToListAsync();
        Assert.Equal(touchpoints.Select(t => t.TouchpointId).Order(), scheduled.Where(s => s.Rule == "record-outcome").Select(s => s.SubjectId!.Value).Order());
        Assert.Equal(touchpoints.Count, await session.Query<FollowUpTask>().CountAsync());

        // Every event sealed once, in an unbroken chain per stream.
        var sealedSequences = (await session.Query<EventSeal>().Select(seal => seal.Id).ToListAsync()).ToHashSet();
        var unsealed = (await session.Events.QueryAllRawEvents().ToListAsync()).Where(e => !sealedSequences.Remove(e.Sequence))
            .Select(e => $"{e.Sequence} {e.EventTypeName}").ToList();
        Assert.True(unsealed.Count == 0, $"not sealed: {string.Join(", ", unsealed)}");
        Assert.Empty(sealedSequences); // no seal without its event, none twice
        var verifier = _host.Services.GetRequiredService<ChainVerifier>();
        foreach (var stream in await _host.Services.GetRequiredService<StoredEvents>().AllStreamIds(CancellationToken.None))
        {
            var verdict = await verifier.VerifyAsync(stream, CancellationToken.None);
            Assert.True(verdict.Valid && verdict.SealedThroughVersion == verdict.Version, $"stream {stream}: {verdict}");
        }

        var health = await _host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); });
        Assert.Contains("\"Healthy\"", health.ReadAsText());
    }

    private sealed record Written(Guid ProjectId, int Touchpoints);

    /// <summary>
    /// Recent, so that the tasks fall due after the test: no due-date timer appends FollowUpOverdue while the
    /// test counts events.
    /// </summary>
    private static readonly string Yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd");

    /// <summary>
    /// Every shard at the high-water mark, again until no event was added meanwhile: the rules append events
    /// (the tasks) that the seals and projections must then catch up with.
    /// </summary>
    private async Task CaughtUp()
    {
        for (long before = -1, now = 0; before != now;)
        {
            await _host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            (before, now) = (now, await session.Events.QueryAllRawEvents().CountAsync());
        }
    }

    private const int BurstSize = 60;

    /// <summary>A top-sales touchpoint on each of <see cref="BurstSize"/> new projects, all at once (one project each: no write conflicts).</summary>
    private async Task<Written[]> Burst()
    {
        using var http = _host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", ApiTest.TokenFor("officer", name: "burst"));
        return await Task.WhenAll(Enumerable.Range(0, BurstSize).Select(async i =>
        {
            var projectId = (await Acknowledged(http, "/api/projects", GivenProjects.RailProject($"Burst line {i}"))).GetProperty("id").GetGuid();
            await Acknowledged(http, $"/api/projects/{projectId}/touchpoints", ProjectApi.Touchpoint(occurredOn: Yesterday));
            return new Written(projectId, 1);
        }));
    }

    private async Task<int> TaskCount()
    {
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<FollowUpTask>().CountAsync();
    }

    /// <summary>Registers projects and logs top-sales touchpoints on them until told to stop; each write retried until acknowledged.</summary>
    private async Task<List<Written>> Client(int client, CancellationToken stop)
    {
        using var http = _host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", ApiTest.TokenFor("officer", name: $"client-{client}"));
        var written = new List<Written>();
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var registered = await Acknowledged(http, "/api/projects", GivenProjects.RailProject($"Line {client}-{round}"));
            var projectId = registered.TryGetProperty("id", out var id) ? id.GetGuid() : registered.GetProperty("streams")[0].GetGuid();
            var touchpoints = 0;
            for (var i = 0; i < 3; i++, touchpoints++)
                await Acknowledged(http, $"/api/projects/{projectId}/touchpoints", ProjectApi.Touchpoint(occurredOn: Yesterday));
            written.Add(new Written(projectId, touchpoints));
        }
        return written;
    }

    /// <summary>
    /// Sends the write with an Idempotency-Key, and again with the same key while the answer is 503 (database
    /// away) or 409 "still being processed", as a careful client does. Returns the acknowledgement: the response
    /// body, or the problem saying the write was carried out but its response was lost.
    /// </summary>
    private async Task<JsonElement> Acknowledged(HttpClient http, string url, object body)
    {
        var key = Guid.NewGuid().ToString();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: ApiTest.Json) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(request);
            _statuses.Add((int)response.StatusCode);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (response.IsSuccessStatusCode) return json;
            if (response.StatusCode == HttpStatusCode.Conflict && json.TryGetProperty("carriedOut", out _)) return json;
            var retryable = response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict;
            Assert.True(retryable && deadline.Elapsed < TimeSpan.FromSeconds(40), $"{url} answered {(int)response.StatusCode}: {json}");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable) Assert.True(response.Headers.RetryAfter is not null, "503 without Retry-After");
            await Task.Delay(TimeSpan.FromMilliseconds(250)); // shorter than Retry-After, to keep the test short
        }
    }
}
