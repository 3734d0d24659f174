using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Api.Tests.Contract;

/// <summary>
/// The served OpenAPI document is the contract: it is checked in (docs/openapi.json, so every contract change is
/// a visible diff), it validates, and it names every route and every query parameter the handlers read.
/// </summary>
public sealed class OpenApiDocumentIsTheContract(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Set to 1 to write the served document over docs/openapi.json instead of comparing.</summary>
    public const string RefreshVariable = "PROJECTCASES_REFRESH_OPENAPI";

    public static string CheckedInPath =>
        Path.Combine(SourceCheckout.RootAbove(AppContext.BaseDirectory) ?? throw new InvalidOperationException("not run from a checkout"),
            "docs", "openapi.json");

    private async Task<string> Served() => Normalized((await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsText());

    private static string Normalized(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";

    [Fact]
    public async Task the_served_document_is_the_checked_in_copy()
    {
        var served = await Served();
        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1") await File.WriteAllTextAsync(CheckedInPath, served);
        var checkedIn = File.Exists(CheckedInPath) ? (await File.ReadAllTextAsync(CheckedInPath)).ReplaceLineEndings("\n") : "";
        Assert.True(served == checkedIn,
            $"The served OpenAPI document differs from docs/openapi.json: the API contract changed. If that is intended, refresh the copy with " +
            $"`{RefreshVariable}=1 dotnet test tests/ProjectCases.Api.Tests --filter \"FullyQualifiedName~OpenApiDocumentIsTheContract\"` and commit it " +
            $"(then rebuild: the generated client in the tests is made from it). First difference at character {FirstDifference(served, checkedIn)}.");
    }

    [Fact]
    public async Task the_served_document_reads_without_errors_or_warnings()
    {
        var (document, diagnostic) = OpenApiDocument.Parse(await Served(), "json", new OpenApiReaderSettings());
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
    }

    [Fact]
    public async Task every_route_is_described_with_every_query_parameter_its_handler_reads()
    {
        var document = JsonNode.Parse(await Served())!;
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpChain>() is not null).ToList();
        Assert.NotEmpty(routes);
        var operationIds = new HashSet<string>();
        foreach (var route in routes)
        {
            var path = "/" + route.RoutePattern.RawText!.TrimStart('/');
            foreach (var method in route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods)
            {
                var operation = document["paths"]?[path]?[method.ToLowerInvariant()];
                Assert.True(operation is not null, $"{method} {path} is not in the OpenAPI document.");
                Assert.True(operationIds.Add(operation!["operationId"]!.GetValue<string>()), $"{method} {path}: operation id repeated.");
                var parameters = operation["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                foreach (var declared in route.Metadata.OfType<IDeclaresQuery>().SelectMany(d => d.Parameters))
                {
                    var described = parameters.SingleOrDefault(p => p["in"]!.GetValue<string>() == "query" && p["name"]!.GetValue<string>() == declared.Name);
                    Assert.True(described is not null, $"{method} {path} reads ?{declared.Name} but the document does not describe it.");
                    Assert.True(described!["schema"]?["type"] is not null || described["schema"]?["$ref"] is not null,
                        $"{method} {path}: ?{declared.Name} has no type.");
                    Assert.Equal(declared.Required, described["required"]?.GetValue<bool>() ?? false);
                }
                if (path.StartsWith("/api/"))
                    Assert.True(operation["security"]?[0]?["Bearer"] is not null, $"{method} {path} does not require the bearer token.");
            }
        }
    }

    [Fact]
    public async Task enums_are_strings_with_their_names_and_refusals_are_problem_documents()
    {
        var document = JsonNode.Parse(await Served())!;
        var sector = document["components"]!["schemas"]!["Sector"]!;
        Assert.Equal("string", sector["type"]!.GetValue<string>());
        Assert.Contains("Rail", sector["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var feed = document["paths"]!["/api/feed"]!["get"]!;
        Assert.Equal("#/components/schemas/ProblemDetails", feed["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["errors"]);
        Assert.Equal("http", document["components"]!["securitySchemes"]!["Bearer"]!["type"]!.GetValue<string>());
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }
}
