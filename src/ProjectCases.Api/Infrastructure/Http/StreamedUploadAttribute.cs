namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Marks an endpoint that reads its (multipart) body itself, streaming, under its own size limit: the 1 MiB body
/// limit (RequestBodyLimitMiddleware) and the JSON body check (JsonBodyGate), which would both read the body into
/// memory first, leave it alone.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class StreamedUploadAttribute : Attribute
{
    public static bool On(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<StreamedUploadAttribute>() is not null;
}
