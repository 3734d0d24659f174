using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using JasperFx.CodeGeneration.Frames;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Api.Tests.Contract;

/// <summary>
/// Rules over the served document that every operation must keep, found from the endpoint metadata (a route added
/// later is held to them without touching this test): the refusals each can answer, the If-Match precondition where it
/// is read, named bodies, and null said wherever the C# type allows it (a generated client otherwise fails to read it).
/// </summary>
public sealed class EveryOperationDescribesWhatItAnswers(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonNode> Document() => JsonNode.Parse((await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsText())!;

    private IEnumerable<(string Method, string Path, RouteEndpoint Route, HttpChain Chain)> Operations() =>
        from route in Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let chain = route.Metadata.GetMetadata<HttpChain>()
        where chain is not null && route.RoutePattern.RawText?.StartsWith("/api/") == true
        from method in route.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
        select (method.ToLowerInvariant(), "/" + route.RoutePattern.RawText!.TrimStart('/'), route, chain);

    [Fact]
    public async Task every_api_operation_needs_the_token_and_describes_its_refusals_as_problem_documents()
    {
        var document = await Document();
        var failures = new List<string>();
        foreach (var (method, path, _, _) in Operations())
        {
            var operation = document["paths"]![path]![method]!;
            var responses = operation["responses"]!.AsObject();
            if (operation["security"]?[0]?["Bearer"] is null) failures.Add($"{method} {path}: no bearer requirement");
            foreach (var status in new[] { "400", "401", "403", "429", "503" })
                if (!responses.ContainsKey(status)) failures.Add($"{method} {path}: {status} not described");
            if (path.Contains('{') && !responses.ContainsKey("404")) failures.Add($"{method} {path}: 404 not described");
            if (method != "get")
                foreach (var status in new[] { "409", "413", "415", "422" })
                    if (!responses.ContainsKey(status)) failures.Add($"{method} {path}: {status} not described");
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                if (response?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/ProblemDetails")
                    failures.Add($"{method} {path}: {status} is not a problem document");
            if (operation["tags"] is not JsonArray { Count: 1 }) failures.Add($"{method} {path}: not tagged by its feature");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.NotNull(document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["errors"]!["additionalProperties"]!["items"]);
    }

    /// <summary>Independently of how the describer finds it: the endpoint says so, fetches for writing, or runs the precondition middleware.</summary>
    [Fact]
    public async Task every_write_that_reads_if_match_describes_the_header_and_412()
    {
        var document = await Document();
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (method, path, _, chain) in Operations())
        {
            var reads = chain.Method.Method.GetCustomAttribute<AcceptsIfMatchAttribute>() is not null
                        || chain.Method.Method.GetParameters().Any(p => p.GetCustomAttribute<WriteAggregateAttribute>() is not null)
                        || chain.Middleware.OfType<MethodCall>().Any(c => c.HandlerType.IsGenericType && c.HandlerType.GetGenericTypeDefinition() == typeof(WritePreconditions<>));
            if (!reads) continue;
            checkedCount++;
            var operation = document["paths"]![path]![method]!;
            if (operation["responses"]?["412"] is null) failures.Add($"{method} {path}: reads If-Match but does not describe 412");
            if (operation["parameters"]?.AsArray().Any(p => p?["name"]?.GetValue<string>() == "If-Match" && p["in"]?.GetValue<string>() == "header") != true)
                failures.Add($"{method} {path}: reads If-Match but does not describe the header");
        }
        Assert.True(checkedCount >= 20, $"only {checkedCount} writes read If-Match");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task every_success_is_described_with_a_named_body()
    {
        var document = await Document();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var failures = new List<string>();
        foreach (var (method, path, _, _) in Operations())
        {
            var successes = document["paths"]![path]![method]!["responses"]!.AsObject().Where(r => r.Key[0] == '2').ToList();
            if (successes.Count == 0) failures.Add($"{method} {path}: no success response");
            foreach (var (status, response) in successes)
            {
                var content = response?["content"]?.AsObject();
                if (content is null || content.Count == 0) { failures.Add($"{method} {path}: {status} has no body"); continue; }
                if (content["application/json"]?["schema"] is { } json
                    && (json["$ref"]?.GetValue<string>() is not { } reference || !schemas.ContainsKey(reference.Split('/')[^1])))
                    failures.Add($"{method} {path}: {status} JSON body is not a named schema (a client would name it Response1, Response2 …)");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every type a route reads or answers, and every type inside those: each JSON property that the C# type lets be
    /// null (a nullable value type, or a reference type annotated `?`) admits null in the document.
    /// </summary>
    [Fact]
    public async Task every_property_that_can_be_null_is_described_as_nullable()
    {
        var document = await Document();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var json = Host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var roots = Operations().SelectMany(o => o.Route.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.Type)
                .Append(o.Chain.RequestType))
            .Where(t => t is not null && !typeof(Microsoft.AspNetCore.Http.IResult).IsAssignableFrom(t)).Select(t => t!).Distinct().ToList();
        var seen = new HashSet<Type>();
        var failures = new List<string>();
        var nullability = new NullabilityInfoContext();
        var nullableProperties = 0;

        void Visit(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type.Namespace?.StartsWith("ProjectCases") != true && !type.IsGenericType) return;
            var info = json.GetTypeInfo(type);
            if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element) { Visit(element); return; }
            if (info.Kind == JsonTypeInfoKind.Dictionary && info.ElementType is { } value) { Visit(value); return; }
            if (info.Kind != JsonTypeInfoKind.Object) return;
            var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
            if (id is null || schemas[id] is not { } schema) { failures.Add($"{type.Name}: no component schema"); return; }
            foreach (var property in info.Properties)
            {
                var described = schema["properties"]?[property.Name];
                if (described is null) { failures.Add($"{id}.{property.Name}: not described"); continue; }
                // A computed property of a command (no setter, no constructor parameter) is never read from a body: no client sends or reads it.
                if (property.Set is null && property.AssociatedParameter is null && roots.Contains(type) && IsRequest(type)) continue;
                var canBeNull = Nullable.GetUnderlyingType(property.PropertyType) is not null
                    || !property.PropertyType.IsValueType && property.AttributeProvider switch
                    {
                        PropertyInfo p => nullability.Create(p).ReadState == NullabilityState.Nullable,
                        FieldInfo f => nullability.Create(f).ReadState == NullabilityState.Nullable,
                        _ => false,
                    };
                if (canBeNull)
                {
                    nullableProperties++;
                    if (!AdmitsNull(described, schemas)) failures.Add($"{id}.{property.Name}: may be null but the document says it is never null");
                }
                Visit(property.PropertyType);
            }
        }

        bool IsRequest(Type type) => Operations().Any(o => o.Chain.RequestType == type);
        foreach (var root in roots) Visit(root);
        Assert.True(nullableProperties >= 30, $"only {nullableProperties} nullable properties found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>`type` with null, `oneOf`/`anyOf` with a null branch, or no constraint at all.</summary>
    public static bool AdmitsNull(JsonNode schema, JsonObject schemas)
    {
        if (schema["$ref"] is { } reference) return schema.AsObject().Count == 1 ? AdmitsNull(schemas[reference.GetValue<string>().Split('/')[^1]]!, schemas) : false;
        if (schema["oneOf"] is JsonArray oneOf) return oneOf.Any(s => AdmitsNull(s!, schemas));
        if (schema["anyOf"] is JsonArray anyOf) return anyOf.Any(s => AdmitsNull(s!, schemas));
        var typeAdmits = schema["type"] switch
        {
            null => true,
            JsonArray types => types.Any(t => t?.GetValue<string>() == "null"),
            var single => single.GetValue<string>() == "null",
        };
        return typeAdmits && (schema["enum"] is not JsonArray values || values.Any(v => v is null));
    }
}
