using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Cluster;

/// <summary>
/// Desk officers and the hotline at work, each worker on projects of its own (so that no two writers race
/// for one stream): register a project, open a tender and award it, log two top-sales visits, report a
/// trouble case, and read the project, the hotline queue and the follow-ups in between. Business dates lie
/// in the past, so every follow-up task is overdue at once and its durable due-check runs during the test.
/// Every acknowledged write is remembered, to be found exactly once afterwards.
/// </summary>
public sealed class MixedLoad(BalancingClient client)
{
    private static readonly string Officer = ApiTest.TokenFor("officer");
    private static readonly string Hotline = ApiTest.TokenFor("hotline");

    public ConcurrentBag<Guid> Projects { get; } = [];
    public ConcurrentBag<Guid> Touchpoints { get; } = [];
    public ConcurrentBag<Guid> Tenders { get; } = [];
    public ConcurrentBag<Guid> Awards { get; } = [];
    public ConcurrentBag<Guid> Troubles { get; } = [];
    public ConcurrentQueue<string> Unexpected { get; } = new();
    private int _reads;
    public int Reads => _reads;
    public int Writes => Projects.Count + Touchpoints.Count + Tenders.Count + Awards.Count + Troubles.Count;

    public Task Run(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => Work(worker, stop), CancellationToken.None)));

    private async Task Work(int worker, CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var project = await Write("/api/projects", GivenProjects.RailProject($"Cluster line {worker}-{round}", "IN"), Officer, "id");
            if (project is not { } id) continue;
            Projects.Add(id);
            if (await Write($"/api/projects/{id}/tenders", new { package = "Civil package C-4", tenderType = "ICB", openedOn = "2024-06-01", deadline = "2024-09-30" }, Officer, "tenderId") is not { } tender) continue;
            Tenders.Add(tender);
            await Read($"/api/projects/{id}", Officer);
            if (await Write($"/api/projects/{id}/tenders/{tender}/award", new
                {
                    winner = "Nippon Koei", japaneseWinner = true, awardType = "Prime", scope = "Civil",
                    amount = new { value = 120_000_000m, currency = "USD" }, amountJpy = 18_000_000_000m, awardedOn = "2024-10-15",
                }, Officer, "awardId") is { } award) Awards.Add(award);
            for (var visit = 0; visit < 2 && !stop.IsCancellationRequested; visit++)
                if (await Write($"/api/projects/{id}/touchpoints", ProjectApi.Touchpoint(occurredOn: "2024-05-10"), Officer, "touchpointId") is { } touchpoint)
                    Touchpoints.Add(touchpoint);
            if (await Write("/api/troubles", TroubleApi.Report(id, $"Company {worker}"), Hotline, "id") is { } trouble) Troubles.Add(trouble);
            await Read("/api/hotline/queue", Hotline);
            await Read("/api/follow-ups", Officer);
        }
    }

    private async Task<Guid?> Write(string path, object body, string token, string idProperty)
    {
        var reply = await client.Post(path, body, token);
        if (reply.Status is HttpStatusCode.OK or HttpStatusCode.Created && reply.Body.TryGetProperty(idProperty, out var id)) return id.GetGuid();
        if (reply.Status != 0 && reply.Status != HttpStatusCode.InternalServerError) // 0: in doubt or given up, counted by the client
            Unexpected.Enqueue($"POST {path}: {(int)reply.Status} {reply.Body}");
        return null;
    }

    private async Task Read(string path, string token)
    {
        var reply = await client.Get(path, token);
        Interlocked.Increment(ref _reads);
        if (reply.Status != HttpStatusCode.OK && reply.Status != 0 && reply.Status != HttpStatusCode.InternalServerError)
            Unexpected.Enqueue($"GET {path}: {(int)reply.Status} {JsonSerializer.Serialize(reply.Body)}");
    }
}
