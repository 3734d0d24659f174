using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Json;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Infrastructure.OpenApi;

/// <summary>
/// Describes each operation from what its endpoint is, so that a new endpoint needs no OpenAPI code of its own:
/// <list type="bullet">
/// <item>operation id = the endpoint class without "Endpoint" (or the method, for classes of several endpoints); tag = its feature folder;</item>
/// <item>query parameters from the endpoint's <see cref="IDeclaresQuery"/> declarations (the same ones <see cref="QueryParameters"/> reads by);</item>
/// <item>writes: `Idempotency-Key`, and `If-Match` where the endpoint fetches a stream for writing (<c>[WriteAggregate]</c>) or says <see cref="AcceptsIfMatchAttribute"/>;</item>
/// <item>responses: the success body from <c>[ProducesResponseType]</c> metadata (a write without one answers <see cref="WriteAccepted"/>), 201 for
/// writes that start a stream, and every refusal the pipeline can answer as a problem document;</item>
/// <item>the bearer requirement on every /api operation.</item>
/// </list>
/// </summary>
public sealed class OperationDescriber : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var chain = metadata.OfType<HttpChain>().FirstOrDefault() ?? (description.ActionDescriptor as WolverineActionDescriptor)?.Chain;
        var document = context.Document!;
        var path = "/" + description.RelativePath?.TrimStart('/');
        var isWrite = !HttpMethods.IsGet(description.HttpMethod ?? "GET");
        var hasRouteValues = path.Contains('{');

        if (chain is not null)
        {
            operation.OperationId = OperationId(chain.Method.Method);
            var feature = Feature(chain.Method.HandlerType);
            document.Tags ??= new HashSet<OpenApiTag>();
            if (!document.Tags.Any(t => t.Name == feature)) document.Tags.Add(new OpenApiTag { Name = feature });
            operation.Tags = new HashSet<OpenApiTagReference> { new(feature, document) };
        }
        // Wolverine repeats the route as summary and description; a client shows those to people, so say nothing rather than that.
        if (operation.Summary == operation.OperationId || operation.Summary?.Contains('_') == true) operation.Summary = null;
        if (operation.Description?.Contains('_') == true) operation.Description = null;

        operation.Parameters ??= [];
        var queries = metadata.OfType<IDeclaresQuery>().SelectMany(d => d.Parameters).ToList();
        foreach (var query in queries)
        {
            RemoveParameter(operation, query.Name, ParameterLocation.Query);
            operation.Parameters.Add(await QueryParameter(query, context, cancellationToken));
        }

        var acceptsIfMatch = isWrite && chain is not null && ReadsIfMatch(chain);
        if (isWrite && path.StartsWith("/api/"))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Description = "Repeating a request with the same key and body returns the first response and appends nothing.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            if (acceptsIfMatch)
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Description = "The stream version the change is based on, in quotes, e.g. \"3\" (the ETag); a stale one gets 412. Not for company users.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(W/)?\"[1-9][0-9]*\"$" },
                });
        }

        if (metadata.OfType<MultipartFileAttribute>().FirstOrDefault() is { } upload)
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object, Required = new HashSet<string> { upload.Part },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [upload.Part] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = upload.Description },
                            },
                        },
                    },
                },
            };
        else if (metadata.OfType<StreamedUploadAttribute>().Any()) operation.RequestBody = UploadBody();

        await Responses(operation, context, metadata, chain, isWrite, hasRouteValues, queries.Count > 0, acceptsIfMatch, cancellationToken);

        if (path.StartsWith("/api/"))
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentDescriber.BearerScheme, document)] = [] }];
    }

    private static async Task Responses(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata, HttpChain? chain,
        bool isWrite, bool hasRouteValues, bool hasQuery, bool acceptsIfMatch, CancellationToken ct)
    {
        // [ProducesResponseType] on the endpoint, as ApiExplorer read it (Wolverine also lists IResult for the C# return type: not a body).
        var declared = context.Description.SupportedResponseTypes
            .Where(m => m.StatusCode is >= 200 and < 300 && m.Type is not null && m.Type != typeof(void) && !typeof(IResult).IsAssignableFrom(m.Type))
            .GroupBy(m => m.StatusCode).Select(g => (Status: g.Key, g.First().Type))
            .OrderBy(m => m.Status)
            .ToList();
        var startsStream = chain is not null && ReturnsStartStream(chain.Method.Method);
        if (declared.Count == 0) declared.Add((startsStream ? 201 : 200, isWrite ? typeof(WriteAccepted) : null));
        var existing = operation.Responses ?? [];
        var responses = new OpenApiResponses();

        foreach (var (successStatus, successType) in declared)
        {
            var success = new OpenApiResponse { Description = successStatus == 201 ? "Created" : "OK", Content = new Dictionary<string, OpenApiMediaType>() };
            if (successType is not null)
                success.Content["application/json"] = new OpenApiMediaType { Schema = await SchemaReference(context, successType, ct) };
            else if (existing.TryGetValue("200", out var generated) && generated.Content is { Count: > 0 } content && !content.Values.Any(IsResultSchema))
                foreach (var (type, media) in content) success.Content[type] = media;
            if (metadata.OfType<ReportFormatQueryAttribute>().Any())
                success.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            if (metadata.OfType<FileResponseAttribute>().FirstOrDefault() is { } file)
                success.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [file.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = file.Description } },
                };
            if (metadata.OfType<ExportFormatQueryAttribute>().Any())
            {
                success.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                success.Content[Export.ExportFormats.Xlsx] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
            if (isWrite || successStatus == 201)
            {
                success.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["ETag"] = new OpenApiHeader { Description = "The new stream version, in quotes (not shown to company users).", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                };
                if (successStatus == 201)
                    success.Headers["Location"] = new OpenApiHeader { Description = "The created resource.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            responses[successStatus.ToString()] = success;
        }

        var document = context.Document!;
        void Refusal(int status, string why) => responses[status.ToString()] = new OpenApiResponse
        {
            Description = why,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(DocumentDescriber.ProblemSchema, document) },
            },
        };

        var authorized = metadata.OfType<IAuthorizeData>().Any();
        var upload = metadata.OfType<StreamedUploadAttribute>().Any();
        if (isWrite || hasQuery) Refusal(400, isWrite ? "Malformed request or invalid field (each named under `errors`)." : "An invalid query parameter (each named under `errors`).");
        else Refusal(400, "A query value with a control character.");
        if (authorized)
        {
            Refusal(401, "No token, or a bad one.");
            Refusal(403, "The role may not use this route.");
        }
        if (hasRouteValues) Refusal(404, "Not found, or not visible to this user.");
        if (isWrite)
        {
            Refusal(409, "The command conflicts with the current state, or a concurrent write won.");
            if (acceptsIfMatch) Refusal(412, "The If-Match version is stale.");
            Refusal(413, upload ? "The file is larger than the configured limit." : "The body is larger than allowed.");
            Refusal(415, upload ? "Not multipart/form-data, or a file type that is not accepted (or whose bytes are not what it says)." : "The body is not JSON.");
            Refusal(422, "Well-formed, but breaks a domain rule; or an Idempotency-Key reused for another request.");
        }
        Refusal(429, "Rate limited; retry after the Retry-After header's seconds.");
        Refusal(503, "The database is unavailable; retry after the Retry-After header's seconds.");
        operation.Responses = responses;
    }

    /// <summary>
    /// A reference to the type's component schema, made as ASP.NET makes a body's (and added when no body used it yet).
    /// Not the inline schema <c>GetOrCreateSchemaAsync</c> answers: inline, a nullable enum property loses its null (ASP.NET
    /// marks it when it turns the property into a reference, `oneOf: [null, $ref]`), and every client generator names
    /// inline bodies Response1, Response2 … with their own copies of every enum.
    /// </summary>
    internal static async Task<IOpenApiSchema> SchemaReference(OpenApiOperationTransformerContext context, Type type, CancellationToken ct)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(json.GetTypeInfo(type));
        var schema = await context.GetOrCreateSchemaAsync(type, null, ct);
        if (id is null) return schema; // a primitive, an array or a dictionary: ASP.NET inlines those too
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(id) != true) document.AddComponent(id, schema);
        return new OpenApiSchemaReference(id, document);
    }

    /// <summary>The parts Documents/Upload/MultipartForm reads: the file and its small fields.</summary>
    private static OpenApiRequestBody UploadBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file, with its file name and content type." },
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What the document is; the file name without one." },
                        ["shared"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "A case's document: whether the reporting company sees it." },
                        ["factVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "The version of the fact the document supports." },
                    },
                },
            },
        },
    };

    private static bool IsResultSchema(OpenApiMediaType media) => media.Schema is OpenApiSchemaReference { Reference.Id: "IResult" };

    private static async Task<OpenApiParameter> QueryParameter(QuerySpec query, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(query.Type) ?? query.Type;
        // An enum is the same component a body uses (a client has one Sector type, not one per parameter).
        if (type.IsEnum)
            return new OpenApiParameter
            {
                Name = query.Name, In = ParameterLocation.Query, Required = query.Required, Description = query.Description,
                Schema = await SchemaReference(context, type, ct),
            };
        var schema = new OpenApiSchema();
        if (type == typeof(int) || type == typeof(long))
        {
            schema.Type = JsonSchemaType.Integer;
            schema.Format = type == typeof(int) ? "int32" : "int64";
        }
        else if (type == typeof(bool)) schema.Type = JsonSchemaType.Boolean;
        else if (type == typeof(Guid)) (schema.Type, schema.Format) = (JsonSchemaType.String, "uuid");
        else if (type == typeof(DateOnly)) (schema.Type, schema.Format) = (JsonSchemaType.String, "date");
        else if (type == typeof(string)) schema.Type = JsonSchemaType.String;
        else throw new InvalidOperationException($"Query parameter '{query.Name}' has type {type.Name}, which the OpenAPI description does not know.");
        if (query.AllowedValues is { } values) schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        if (query.Minimum is { } min) schema.Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (query.Maximum is { } max) schema.Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (query.MaxLength is { } length) schema.MaxLength = length;
        return new OpenApiParameter { Name = query.Name, In = ParameterLocation.Query, Required = query.Required, Description = query.Description, Schema = schema };
    }

    private static void RemoveParameter(OpenApiOperation operation, string name, ParameterLocation location)
    {
        var found = operation.Parameters!.Where(p => p.Name == name && p.In == location).ToList();
        foreach (var parameter in found) operation.Parameters!.Remove(parameter);
    }

    /// <summary>
    /// `ListProjectsEndpoint.Get` → ListProjects; `HistoryEndpoints.VerifyProject` → VerifyProject; an id the route
    /// names itself (`[WolverineGet("...", OperationId = "GetFollowUp")]`) where the method's name says too little.
    /// </summary>
    public static string OperationId(MethodInfo method)
    {
        if (method.GetCustomAttribute<WolverineHttpMethodAttribute>()?.OperationId is { Length: > 0 } named) return named;
        var type = method.DeclaringType!.Name;
        var verb = method.Name is "Get" or "Post" or "Put" or "Delete" or "Patch" or "Handle";
        if (type.EndsWith("Endpoint") && verb) return type[..^"Endpoint".Length];
        if (type.EndsWith("Endpoints") && verb) return type[..^"Endpoints".Length] + method.Name;
        return method.Name;
    }

    /// <summary>The feature folder: ProjectCases.Troubles.Handling → Troubles.</summary>
    public static string Feature(Type type) => type.Namespace?.Split('.') is { Length: > 1 } parts ? parts[1] : "Other";

    /// <summary>
    /// The endpoint reads If-Match: it says so, it fetches a stream for writing (<c>[WriteAggregate]</c>), or Wolverine put
    /// <see cref="WritePreconditions{T}"/> (which reads it) into its chain.
    /// </summary>
    public static bool ReadsIfMatch(HttpChain chain) =>
        chain.Method.Method.GetCustomAttribute<AcceptsIfMatchAttribute>() is not null
        || chain.Method.Method.GetParameters().Any(p => p.GetCustomAttribute<WriteAggregateAttribute>() is not null)
        || chain.Middleware.OfType<JasperFx.CodeGeneration.Frames.MethodCall>()
            .Any(call => call.HandlerType.IsGenericType && call.HandlerType.GetGenericTypeDefinition() == typeof(WritePreconditions<>));

    private static bool ReturnsStartStream(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() is { } definition && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
            type = type.GetGenericArguments()[0];
        var parts = type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple") == true ? type.GetGenericArguments() : [type];
        return parts.Any(p => typeof(IStartStream).IsAssignableFrom(p));
    }
}
