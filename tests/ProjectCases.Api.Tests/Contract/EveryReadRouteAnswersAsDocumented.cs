using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.OpenApi;

namespace ProjectCases.Api.Tests.Contract;

/// <summary>
/// Every GET route under /api, found in the endpoint metadata (a new route is covered without touching this test), is
/// called with real ids and its required query parameters: it answers a status its operation documents, never a 5xx
/// (a handler that reads a query parameter it does not declare fails here, as QueryParameters refuses to read it), and
/// a route that declares query parameters refuses one it does not know with a 400 naming it.
/// </summary>
public sealed class EveryReadRouteAnswersAsDocumented(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Company = "Acme Construction";
    private const string Unknown = "notAFilter";

    [Fact]
    public async Task every_read_route_answers_a_documented_status_and_refuses_an_unknown_parameter()
    {
        var ids = await GivenOneOfEach();
        var document = JsonNode.Parse((await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsText())!;
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true
                        && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} read routes found");
        var client = Host.Server.CreateClient();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var pattern = route.RoutePattern.RawText!;
            var declared = route.Metadata.OfType<IDeclaresQuery>().SelectMany(d => d.Parameters).ToList();
            var required = string.Join("&", declared.Where(p => p.Required).Select(p => $"{p.Name}={RequiredValue(p)}"));
            var url = Fill(pattern, ids) + (required.Length > 0 ? "?" + required : "");
            var roles = route.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var role = roles.FirstOrDefault(r => r != Roles.Company) ?? roles.FirstOrDefault() ?? Roles.Admin;
            var documented = document["paths"]?[pattern]?["get"]?["responses"]?.AsObject().Select(r => r.Key).ToHashSet() ?? [];

            var (status, _) = await Get(client, url, role);
            if (status >= 500 || !documented.Contains(status.ToString()))
                failures.Add($"GET {url} as {role}: {status}, documented {string.Join(", ", documented.Order())}");

            if (declared.Count == 0) continue;
            var (refused, body) = await Get(client, url + (required.Length > 0 ? "&" : "?") + Unknown + "=1", role);
            if (refused != 400 || !body.Contains($"\"{Unknown}\""))
                failures.Add($"GET {url} as {role} with ?{Unknown}: {refused}, not a 400 naming it");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string RequiredValue(QuerySpec parameter) =>
        parameter.Type == typeof(int) ? "2024" : parameter.AllowedValues?.FirstOrDefault() ?? "Metro";

    private static async Task<(int Status, string Body)> Get(HttpClient client, string url, string role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, role == Roles.Company ? Company : null));
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Fill(string pattern, IReadOnlyDictionary<string, Guid> ids)
    {
        var stream = pattern.StartsWith("/api/troubles") ? "trouble" : pattern.StartsWith("/api/follow-ups") ? "followUp"
            : pattern.StartsWith("/api/country-risks") ? "risk" : "project";
        var url = pattern.Replace("{id}", ids[stream].ToString()).Replace("{fiscalYear}", "2024");
        Assert.False(url.Contains('{'), $"This test does not know how to fill a route parameter of {pattern}.");
        return url;
    }

    /// <summary>A real stream behind every route id; the country risk is unknown (its routes answer their documented 404).</summary>
    private async Task<Dictionary<string, Guid>> GivenOneOfEach()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var trouble = await troubles.Reported(projectId, Company, "company");
        var followUp = (await troubles.Send("officer", "/api/follow-ups", new { projectId, title = "Call the embassy", dueOn = "2025-06-01" }, 201))
            .GetProperty("id").GetGuid();
        return new() { ["project"] = projectId, ["trouble"] = trouble, ["followUp"] = followUp, ["risk"] = Guid.NewGuid() };
    }
}
