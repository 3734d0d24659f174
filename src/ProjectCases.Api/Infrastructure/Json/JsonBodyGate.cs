using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using ProjectCases.Infrastructure.Errors;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ProjectCases.Infrastructure.Json;

/// <summary>
/// Checks every write request's body against the body type its endpoint declares (endpoint metadata), before
/// the endpoint runs, so that every route, present and future, answers a bad body the same way: 400 with
/// every bad field named under `errors` by its JSON path, said without .NET type names, logged as a client
/// error. (Wolverine's own reader stops at the first problem, names C# types and logs a stack trace.)
/// A route that declares no body accepts nothing or `{}`. The body is read once into memory (its size
/// is already bounded by RequestBodyLimitMiddleware) and handed on unchanged.
/// </summary>
public sealed class JsonBodyGate(RequestDelegate next, IOptions<HttpJsonOptions> json, ILogger<JsonBodyGate> logger)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        // Only route endpoints: routing answers a non-JSON body with its own 415 endpoint, which declares nothing.
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is null
            || Http.StreamedUploadAttribute.On(context)) // a multipart upload, read by its endpoint as it streams
        {
            await next(context);
            return;
        }
        var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bodyType is not null && !IsJson(request))
        {
            await next(context); // the endpoint answers 415
            return;
        }

        var body = await ReadAsync(request, context.RequestAborted);
        var errors = bodyType is null ? NoBodyErrors(body) : BodyErrors(body, bodyType, context.RequestServices);
        if (errors.Count == 0)
        {
            request.Body = new MemoryStream(body, writable: false);
            await next(context);
            return;
        }

        logger.LogInformation("Refused the body of {Method} {Path}: invalid {Fields}", request.Method, request.Path,
            string.Join(", ", errors.Select(e => e.Field).Distinct()));
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = FieldErrors.Problem(errors, jsonPaths: true) });
    }

    private IReadOnlyList<(string Field, string Message)> BodyErrors(byte[] body, Type type, IServiceProvider services)
    {
        var options = json.Value.SerializerOptions;
        if (body.Length == 0 || body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            return [(JsonBodyInspector.Root, "The body must be a JSON object with the request's fields; it was empty.")];
        try
        {
            if (JsonSerializer.Deserialize(body, type, options) is { } read) return JsonBodyInspector.NullListItems(read, options);
        }
        catch (JsonException) { } // explained below, field by field
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or FormatException or OverflowException) { }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions
            {
                MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
                AllowTrailingCommas = options.AllowTrailingCommas,
                CommentHandling = options.ReadCommentHandling,
            });
        }
        catch (JsonException e)
        {
            return [(JsonBodyInspector.Root, $"The body is not valid JSON: {e.Message}")];
        }
        using (document)
        {
            var errors = new JsonBodyInspector(options, services).Inspect(document.RootElement, type);
            if (errors.Count > 0) return errors;
        }
        logger.LogWarning("A body for {Type} failed to deserialize but no field could be blamed", type.Name);
        return [(JsonBodyInspector.Root, "The body could not be read as this request's fields.")];
    }

    /// <summary>A route without a body takes nothing, or an empty object (what many clients send by default).</summary>
    private static IReadOnlyList<(string Field, string Message)> NoBodyErrors(byte[] body)
    {
        var trimmed = body.AsSpan().Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty) return [];
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement is { ValueKind: JsonValueKind.Object } root && !root.EnumerateObject().Any()) return [];
        }
        catch (JsonException) { }
        return [(JsonBodyInspector.Root, "This request takes no fields: send no body or {}.")];
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>Wolverine's rule for a JSON request: no content type, or a JSON one.</summary>
    private static bool IsJson(HttpRequest request) =>
        string.IsNullOrEmpty(request.ContentType) || request.ContentType.StartsWith("application/json") || request.ContentType.StartsWith("text/json")
        || request.ContentType.Contains("+json") || request.ContentType.Contains("*/*");
}
