using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Console.Tests.Support;

/// <summary>Gives state through the real API on the same server, with development tokens, as the API tests do.</summary>
public sealed class ApiClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public Task<JsonElement> Post(string url, object body, string role = Roles.Officer, string? company = null, string? name = null) =>
        Send(HttpMethod.Post, url, body, role, company, name);

    public Task<JsonElement> Put(string url, object body, string role) => Send(HttpMethod.Put, url, body, role, null, null);

    private async Task<JsonElement> Send(HttpMethod method, string url, object body, string role, string? company, string? name)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(role, company, name));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> Get(string url, string role, string? company = null, string? name = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(role, company, name));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<Guid> RegisteredProject(string name = "Metro Manila Subway", string nameJa = "マニラ首都圏地下鉄", string country = "PH",
        string sector = "Rail", string officer = "tanaka", string ministry = "MLIT") =>
        (await Post("/api/projects", new
        {
            name, nameJa, country, sector, financing = "YenLoan", leadAgency = "MLIT", ministry, summary = "The first subway of Metro Manila.",
        }, name: officer)).GetProperty("id").GetGuid();

    public Task<JsonElement> Touchpoint(Guid projectId, string officer = "tanaka") =>
        Post($"/api/projects/{projectId}/touchpoints", new
        {
            kind = "TopSales", occurredOn = "2026-05-10", japanLevel = "Minister", counterpart = "Secretary of Transportation",
            location = "Manila", summary = "Promoted Japanese signalling and rolling stock.",
        }, name: officer);

    public async Task<Guid> Awarded(Guid projectId)
    {
        var tenderId = (await Post($"/api/projects/{projectId}/tenders", new
            { package = "Contract package CP-101", tenderType = "ICB", openedOn = "2026-04-01", deadline = "2026-06-30" }))
            .GetProperty("tenderId").GetGuid();
        await Post($"/api/projects/{projectId}/tenders/{tenderId}/award", new
        {
            winner = "Shimizu Corporation", japaneseWinner = true, awardType = "Prime", scope = "Civil",
            amount = new { value = 120_000_000m, currency = "USD" }, amountJpy = 18_000_000_000m, awardedOn = "2026-07-15",
        });
        return tenderId;
    }

    public async Task<Guid> ReportedCase(Guid projectId, string company, string summary = "Interim payments unpaid for 7 months") =>
        (await Post("/api/troubles", new
        {
            projectId, category = "UnpaidFees", summary, details = "IPCs 12-18 certified by the engineer but not paid.", occurredOn = "2026-08-01",
            reporter = new { company, companyType = "Contractor", contactName = "Sato Hanako", email = "sato@example.co.jp" },
            amountAtStake = new { value = 4_500_000m, currency = "USD" },
        }, Roles.Company, company)).GetProperty("id").GetGuid();

    public void Dispose() => _http.Dispose();
}
