using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Auth;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ProjectCases.Api.Tests.Hardening;

/// <summary>
/// Every write route under /api, found in the application's own endpoint metadata (so a new route is
/// fuzzed without touching this test), gets at least 50 hostile bodies, with its route ids pointing at real
/// streams so that the bodies are what gets judged. Each must get a 400 problem document whose `errors`
/// names the spoiled field in the client's terms; none a 5xx; and no event may be appended.
/// </summary>
public class FuzzingEveryWriteRoute(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Company = "Acme Construction";

    [Fact]
    public async Task hostile_bodies_on_every_write_route_get_a_400_naming_the_field_and_append_nothing()
    {
        // Before every date of the given state, so no follow-up falls due while the bodies are sent: an
        // overdue task is background work that appends events of its own.
        Fixture.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero));
        var ids = await GivenOneOfEverything();
        var routes = WriteRoutes();
        Assert.True(routes.Count >= 20, $"only {routes.Count} write routes found in the endpoint metadata");

        await WaitForProjections();
        var before = await EventStoreState();
        var generator = new HostileBodies(Host.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions,
            name => name.Contains("trouble", StringComparison.OrdinalIgnoreCase) ? ids["trouble"] : ids["project"]);
        var client = Host.Server.CreateClient();
        var failures = new List<string>();
        var sent = 0;
        foreach (var route in routes)
        {
            var bodies = generator.For(route.BodyType);
            Assert.True(bodies.Count >= HostileBodies.AtLeast, $"{route}: only {bodies.Count} hostile bodies");
            var url = FillRoute(route.Pattern, ids);
            var token = TokenFor(route.Role, route.Role == Roles.Company ? Company : null);
            foreach (var batch in bodies.Chunk(16))
            {
                var results = await Task.WhenAll(batch.Select(body => Send(client, route.Method, url, token, body)));
                failures.AddRange(results.Where(r => r is not null)!);
                sent += batch.Length;
            }
        }

        await WaitForProjections();
        var after = await EventStoreState();
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests were not refused properly:\n" + string.Join("\n", failures.Take(30)));
        await using var session = Store.QuerySession();
        var appended = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > before.Sequence).ToListAsync();
        Assert.True(before == after, "appended: " + string.Join(", ", appended.Select(e => $"{e.EventTypeName} on {e.StreamId} at {e.Timestamp:O} by {e.UserName}")));
    }

    private static async Task<string?> Send(HttpClient client, string method, string url, string token, HostileBody hostile)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(hostile.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{method} {url} with {hostile.Description}";
        var status = (int)response.StatusCode;
        if (status != 400) return $"{where}: {status} {Shorten(text)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{where}: content type {response.Content.Headers.ContentType}";
        if (text.Contains("System.") || text.Contains("ProjectCases.") || text.Contains("`1")) return $"{where}: speaks .NET: {Shorten(text)}";
        using var problem = JsonDocument.Parse(text);
        if (!problem.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
            return $"{where}: no errors map: {Shorten(text)}";
        var fields = errors.EnumerateObject().Select(e => e.Name).ToList();
        var blamed = hostile.BlamedField;
        return fields.Any(f => f == blamed || f.StartsWith(blamed + ".") || f.StartsWith(blamed + "[") || (blamed != "$" && f == "$"))
            ? null
            : $"{where}: errors name {string.Join(", ", fields)}, not {blamed}";
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private sealed record WriteRoute(string Method, string Pattern, Type? BodyType, string Role)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private List<WriteRoute> WriteRoutes() =>
    [
        .. from endpoint in Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
           where endpoint.RoutePattern.RawText?.StartsWith("/api/") == true
           // Multipart uploads (documents) answer any JSON body 415, as the contract says; their hostile bodies are in
           // Documents/DocumentScenarios (what_a_client_gets_wrong_in_the_body_is_never_a_500 and the 400 theory).
           where endpoint.Metadata.GetMetadata<ProjectCases.Infrastructure.Http.StreamedUploadAttribute>() is null
           from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
           where method is "POST" or "PUT" or "PATCH" or "DELETE"
           let roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList()
           select new WriteRoute(method, endpoint.RoutePattern.RawText!, endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
               roles.FirstOrDefault(r => r != Roles.Company) ?? roles.FirstOrDefault() ?? Roles.Admin),
    ];

    private static string FillRoute(string pattern, IReadOnlyDictionary<string, Guid> ids)
    {
        var stream = pattern.StartsWith("/api/troubles") ? "trouble" : pattern.StartsWith("/api/follow-ups") ? "followUp" : "project";
        // factVersion 3: the award of the awarded project (registered 1, tender 2, award 3), a real fact to void or correct.
        var url = pattern.Replace("{id}", ids[stream].ToString()).Replace("{fiscalYear}", "2025").Replace("{factVersion}", "3");
        foreach (var (name, id) in ids) url = url.Replace($"{{{name}}}", id.ToString());
        Assert.False(url.Contains('{'), $"The fuzz test does not know how to fill a route parameter of {pattern}: add it to GivenOneOfEverything.");
        return url;
    }

    /// <summary>A real stream behind every route parameter: a project with a touchpoint, a study and an open tender, a case, a task.</summary>
    private async Task<Dictionary<string, Guid>> GivenOneOfEverything()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var project = new ProjectApi(Host, projectId);
        var touchpoint = (await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201)).GetProperty("touchpointId").GetGuid();
        var study = (await project.Post("/studies", new { studyType = "FeasibilityStudy", startedOn = "2024-02-01" }, 201)).GetProperty("studyId").GetGuid();
        var tender = await project.OpenTender("Signals package S-1");
        var trouble = await troubles.Reported(projectId, Company, "company");
        var followUp = (await troubles.Send("officer", "/api/follow-ups", new { projectId, title = "Call the embassy", dueOn = "2025-06-01" }, 201))
            .GetProperty("id").GetGuid();
        return new()
        {
            ["project"] = projectId, ["trouble"] = trouble, ["followUp"] = followUp,
            ["touchpointId"] = touchpoint, ["studyId"] = study, ["tenderId"] = tender,
        };
    }

    private async Task<(long Sequence, int Events)> EventStoreState()
    {
        var statistics = await Store.Advanced.FetchEventStoreStatistics();
        await using var session = Store.QuerySession();
        return (statistics.EventSequenceNumber, await session.Events.QueryAllRawEvents().CountAsync());
    }
}
