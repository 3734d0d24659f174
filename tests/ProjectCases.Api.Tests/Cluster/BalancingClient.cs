using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProjectCases.Api.Tests.Cluster;

/// <summary>
/// What a client behind a load balancer sees. Requests go round-robin over the nodes. A refused connection
/// (the node is stopping or gone) is sent to ANOTHER node at once, as a balancer does. A request whose
/// response was lost (the connection broke after sending) is sent again to another node with the same
/// Idempotency-Key, which every write carries, so a write the first node did commit is answered from its
/// record instead of being applied twice. 503 (database unavailable) and 409 "still being processed" are
/// retried after a short pause; a 409 saying the write was carried out (its node died before answering) is taken as
/// done. A 500 is never retried: it is counted and fails the test.
/// </summary>
public sealed class BalancingClient(IReadOnlyList<ServiceNode> nodes) : IDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };
    private int _next;

    public ConcurrentDictionary<string, int> Counts { get; } = new();
    public ConcurrentQueue<string> ServerErrors { get; } = new();
    public ConcurrentQueue<string> GaveUp { get; } = new();

    /// <summary>Writes whose first attempt died with a killed node and whose key stayed claimed: outcome unknown.</summary>
    public ConcurrentQueue<string> InDoubt { get; } = new();

    /// <summary>
    /// Writes a node committed and then died before storing the response (kill -9, or the database gone between the
    /// commit and the response): a retry with the key is told so (409 with `carriedOut: true`, docs/operations.md),
    /// as the contract says, without the new resource's id. Done, but the load cannot name what they created.
    /// </summary>
    public ConcurrentQueue<string> CarriedOut { get; } = new();

    public sealed record Reply(HttpStatusCode Status, JsonElement Body);

    public Task<Reply> Get(string path, string token) => Send(HttpMethod.Get, path, null, token);

    public Task<Reply> Post(string path, object body, string token) =>
        Send(HttpMethod.Post, path, JsonSerializer.Serialize(body), token, Guid.NewGuid().ToString("N"));

    private async Task<Reply> Send(HttpMethod method, string path, string? json, string token, string? idempotencyKey = null)
    {
        var node = Interlocked.Increment(ref _next);
        var deadline = DateTime.UtcNow + GiveUpAfter;
        var what = $"{method} {path}";
        var stillProcessing = 0;
        while (DateTime.UtcNow < deadline)
        {
            var target = nodes[(int)((uint)node % nodes.Count)];
            using var request = new HttpRequestMessage(method, new Uri(target.BaseAddress, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            try
            {
                using var response = await _http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Count($"status {(int)response.StatusCode}");
                switch (response.StatusCode)
                {
                    case HttpStatusCode.InternalServerError:
                        ServerErrors.Enqueue($"{what} on {target.Name}: {text}");
                        return new Reply(response.StatusCode, default);
                    case HttpStatusCode.Conflict when text.Contains("\"carriedOut\":true"):
                        CarriedOut.Enqueue(what);
                        return new Reply(0, default);
                    case HttpStatusCode.Conflict when text.Contains("still being processed"):
                        if (++stillProcessing > 40)
                        {
                            InDoubt.Enqueue(what);
                            return new Reply(0, default);
                        }
                        await Task.Delay(300);
                        node++;
                        continue;
                    case HttpStatusCode.ServiceUnavailable:
                        await Task.Delay(300);
                        node++;
                        continue;
                }
                return new Reply(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                Count("refused, sent to another node"); // nothing was sent: safe for any request
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Count("response lost, sent again with the same key"); // the node broke off mid-request
            }
            node++;
            if ((uint)node % nodes.Count == 0) await Task.Delay(100); // every node refused: the balancer waits a little
        }
        GaveUp.Enqueue(what);
        return new Reply(0, default);
    }

    private void Count(string outcome) => Counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    public void Dispose() => _http.Dispose();
}
