using System.Text.Json;

namespace ProjectCases.Api.Tests.Support;

/// <summary>Desk-officer calls on a project, through the real API, returning the parsed response body.</summary>
public sealed class ProjectApi(IAlbaHost host, Guid projectId, string role = "officer")
{
    public Guid Id => projectId;

    public Task<JsonElement> Post(string path, object body, int expectedStatus = 200) => Send($"/api/projects/{projectId}{path}", body, expectedStatus);

    public async Task<JsonElement> Send(string url, object body, int expectedStatus, string? ifMatch = null, string? traceparent = null)
    {
        var result = await host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {ApiTest.TokenFor(role)}");
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            if (traceparent is not null) s.WithRequestHeader("traceparent", traceparent);
            s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(expectedStatus);
        });
        return JsonDocument.Parse(result.ReadAsText()).RootElement;
    }

    public async Task<JsonElement> Read(string query = "")
    {
        var result = await host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {ApiTest.TokenFor("auditor")}");
            s.Get.Url($"/api/projects/{projectId}{query}");
            s.StatusCodeShouldBeOk();
        });
        return JsonDocument.Parse(result.ReadAsText()).RootElement;
    }

    public async Task<Guid> OpenTender(string package = "Civil package C-4", string openedOn = "2024-06-01", string? deadline = "2024-09-30") =>
        (await Post("/tenders", new { package, tenderType = "ICB", openedOn, deadline }, 201)).GetProperty("tenderId").GetGuid();

    public async Task<Guid> Award(Guid tenderId, bool japaneseWinner = true, string awardedOn = "2024-10-15") =>
        (await Post($"/tenders/{tenderId}/award", new
        {
            winner = "Nippon Koei", japaneseWinner, awardType = "Prime", scope = "Civil",
            amount = new { value = 120_000_000m, currency = "USD" }, amountJpy = 18_000_000_000m, awardedOn,
        })).GetProperty("awardId").GetGuid();

    public static object Touchpoint(string kind = "TopSales", string occurredOn = "2024-05-10", Guid[]? alsoFor = null) => new
    {
        kind, occurredOn, japanLevel = "Minister", counterpart = "Minister of Railways", location = "New Delhi",
        summary = "Promoted the Shinkansen system.", alsoForProjectIds = alsoFor,
    };
}
