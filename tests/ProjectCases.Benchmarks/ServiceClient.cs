using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Benchmarks;

/// <summary>Authenticated HTTP calls to the running service, over real sockets.</summary>
public sealed class ServiceClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly Dictionary<string, string> _tokens = Roles.All.ToDictionary(role => role, role => DevelopmentTokens.Create(role, name: $"bench.{role}"));

    public static object Touchpoint(string kind = "Seminar") => new
    {
        kind, occurredOn = "2025-06-01", japanLevel = "SeniorOfficial", counterpart = "Ministry of Transport",
        location = "Hanoi", summary = "Seminar on railway safety standards with the ministry and operators.",
    };

    public async Task<Guid> RegisterProject(int n)
    {
        using var response = await Send(HttpMethod.Post, "/api/projects", "officer", new
        {
            name = $"Benchmark project {n}", country = new[] { "VN", "IN", "PH", "ID", "TH" }[n % 5], sector = "Rail", financing = "YenLoan", leadAgency = "MLIT",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<bool> Expect(HttpStatusCode status, HttpMethod method, string url, string role, object? body = null)
    {
        using var response = await Send(method, url, role, body);
        await response.Content.ReadAsByteArrayAsync(); // the whole body, as a client would
        return response.StatusCode == status;
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, string role, object? body)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[role]);
        return _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
