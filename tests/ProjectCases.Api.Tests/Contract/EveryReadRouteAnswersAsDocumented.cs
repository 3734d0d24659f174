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
        var bodiesChecked = 0;
        foreach (var route in routes)
        {
            var pattern = route.RoutePattern.RawText!;
            var declared = route.Metadata.OfType<IDeclaresQuery>().SelectMany(d => d.Parameters).ToList();
            var required = string.Join("&", declared.Where(p => p.Required).Select(p => $"{p.Name}={RequiredValue(p)}"));
            var url = Fill(pattern, ids) + (required.Length > 0 ? "?" + required : "");
            var roles = route.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var role = roles.FirstOrDefault(r => r != Roles.Company) ?? roles.FirstOrDefault() ?? Roles.Admin;
            var documented = document["paths"]?[pattern]?["get"]?["responses"]?.AsObject().Select(r => r.Key).ToHashSet() ?? [];

            var (status, answered) = await Get(client, url, role);
            if (status >= 500 || !documented.Contains(status.ToString()))
                failures.Add($"GET {url} as {role}: {status}, documented {string.Join(", ", documented.Order())}");
            // The body is what the document says (a [ProducesResponseType] that drifted from the code fails here).
            if (status == 200 && document["paths"]?[pattern]?["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"] is { } schema
                && answered.TrimStart().StartsWith('{'))
            {
                bodiesChecked++;
                failures.AddRange(BodyMatchesSchema.Check(JsonNode.Parse(answered), schema, document, "").Select(f => $"GET {url} as {role}: body {f}"));
            }

            if (declared.Count == 0) continue;
            var (refused, body) = await Get(client, url + (required.Length > 0 ? "&" : "?") + Unknown + "=1", role);
            if (refused != 400 || !body.Contains($"\"{Unknown}\""))
                failures.Add($"GET {url} as {role} with ?{Unknown}: {refused}, not a 400 naming it");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(bodiesChecked >= 15, $"only {bodiesChecked} bodies held against their schema");
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

/// <summary>
/// Just enough JSON Schema to hold a real body against its description: `$ref`, `oneOf`/`anyOf`, `type` (one or a
/// list), `enum`, `required`, `properties`, `additionalProperties: false` and `items`. Formats are not checked.
/// </summary>
public static class BodyMatchesSchema
{
    public static IEnumerable<string> Check(JsonNode? value, JsonNode schema, JsonNode document, string at)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            foreach (var failure in Check(value, document["components"]!["schemas"]![reference.Split('/')[^1]]!, document, at)) yield return failure;
            yield break;
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray branches)
        {
            if (!branches.Any(b => !Check(value, b!, document, at).Any())) yield return $"{at}: matches none of oneOf/anyOf";
            yield break;
        }
        var kind = value switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
            JsonValue v when v.TryGetValue<string>(out _) => "string",
            _ => "number",
        };
        var types = schema["type"] switch
        {
            null => null,
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToList(),
            var one => [one.GetValue<string>()],
        };
        if (types is not null && !types.Contains(kind) && !(kind == "number" && types.Contains("integer")))
        {
            yield return $"{at}: {kind}, described as {string.Join("|", types)}";
            yield break;
        }
        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value))) yield return $"{at}: {value?.ToJsonString()} is not among its enum values";
        if (value is JsonObject obj)
        {
            foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                if (!obj.ContainsKey(required)) yield return $"{at}.{required}: required but missing";
            var properties = schema["properties"]?.AsObject();
            foreach (var (name, member) in obj)
            {
                if (properties?[name] is { } property)
                    foreach (var failure in Check(member, property, document, $"{at}.{name}")) yield return failure;
                else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>()) yield return $"{at}.{name}: not described";
            }
        }
        if (value is JsonArray array && schema["items"] is { } items)
            foreach (var (item, index) in array.Take(20).Select((item, index) => (item, index)))
                foreach (var failure in Check(item, items, document, $"{at}[{index}]")) yield return failure;
    }
}
