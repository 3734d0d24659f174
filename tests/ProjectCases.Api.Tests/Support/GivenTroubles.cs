using System.Text.Json;

namespace ProjectCases.Api.Tests.Support;

/// <summary>Hotline and company calls on trouble cases, through the real API.</summary>
public sealed class TroubleApi(IAlbaHost host)
{
    public async Task<Guid> AwardedProject(string name = "Metro Manila Subway")
    {
        var project = new ProjectApi(host, await GivenProjects.Registered(host, GivenProjects.RailProject(name, "PH")));
        await project.Award(await project.OpenTender());
        return project.Id;
    }

    public static object Report(Guid projectId, string company = "Acme Construction", string category = "UnpaidFees") => new
    {
        projectId, category, summary = "Interim payment certificates unpaid for 7 months",
        details = "IPCs 12-18 certified by the engineer but not paid by the employer.", occurredOn = "2025-04-01",
        reporter = new { company, companyType = "Contractor", contactName = "Sato Hanako", email = "sato@example.co.jp" },
        amountAtStake = new { value = 4_500_000m, currency = "USD" },
    };

    public async Task<Guid> Reported(Guid projectId, string company = "Acme Construction", string asRole = "hotline") =>
        (await Send(asRole, "/api/troubles", Report(projectId, company), 201, company)).GetProperty("id").GetGuid();

    public Task<JsonElement> Hotline(Guid troubleId, string action, object? body = null, int expected = 200) =>
        Send("hotline", $"/api/troubles/{troubleId}/{action}", body ?? new { }, expected);

    public Task<JsonElement> Company(string company, Guid troubleId, string action, object? body = null, int expected = 200) =>
        Send("company", $"/api/troubles/{troubleId}/{action}", body ?? new { }, expected, company);

    public async Task<JsonElement> Send(string role, string url, object body, int expected, string? company = null, string? traceparent = null)
    {
        var result = await host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {ApiTest.TokenFor(role, role == "company" ? company : null)}");
            if (traceparent is not null) s.WithRequestHeader("traceparent", traceparent);
            s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(expected);
        });
        var text = result.ReadAsText();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public async Task<(int Status, JsonElement Body)> Get(string role, string url, string? company = null)
    {
        var result = await host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {ApiTest.TokenFor(role, role == "company" ? company : null)}");
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonDocument.Parse(result.ReadAsText()).RootElement);
    }
}
