using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using ProjectCases.Infrastructure.Errors;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Refuses bodies over the limit with 413 before any endpoint reads them. (Kestrel's own limit
/// surfaces inside the JSON reader as a plain 400, which would hide the real cause.)
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (StreamedUploadAttribute.On(context))
        {
            await next(context); // documents: the endpoint streams the body and applies the documents' own limit
            return;
        }
        if (context.Request.ContentLength > RequestLimits.MaxBodyBytes || await IsChunkedBodyTooLarge(context))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context });
            return;
        }
        await next(context);
    }

    /// <summary>A body without Content-Length is read into memory (at most limit + 1 bytes) and measured.</summary>
    private static async Task<bool> IsChunkedBodyTooLarge(HttpContext context)
    {
        if (context.Request.ContentLength is not null || !HttpMethods.IsPost(context.Request.Method)
            && !HttpMethods.IsPut(context.Request.Method) && !HttpMethods.IsPatch(context.Request.Method)) return false;

        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = null;
        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: RequestLimits.MaxBodyBytes + 1);
        // Pooled: most clients (HttpClient's JsonContent among them) send every JSON body chunked, so this runs per write.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        long total = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total > RequestLimits.MaxBodyBytes) return true;
            }
        }
        catch (IOException)
        {
            return true; // the buffer limit was hit
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        context.Request.Body.Position = 0;
        return false;
    }
}
