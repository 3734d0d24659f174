using System.Security.Cryptography;
using System.Text;
using Marten;
using JasperFx;
using Microsoft.AspNetCore.Mvc;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// `Idempotency-Key` on writes: the first response (any status below 500) is stored; a repeat with the
/// same key and the same request gets that response again and appends nothing; the same key with a
/// different request is refused with 422; a repeat while the first is still running gets 409.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IDocumentStore store, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var key = context.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key) || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        if (key.Length > 200)
        {
            await Refuse(context, problems, 400, "Idempotency-Key must be at most 200 characters.");
            return;
        }

        var id = $"{context.User.Identity?.Name ?? "anonymous"}:{key}";
        var hash = await RequestHash(context.Request);
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<IdempotencyRecord>(id, context.RequestAborted) is { } seen)
            {
                await Answer(context, problems, seen, hash);
                return;
            }
        }

        if (!await TryClaim(id, hash, context.RequestAborted))
        {
            await Refuse(context, problems, 409, "A request with this Idempotency-Key is still being processed; retry shortly.");
            return;
        }
        await RunAndRemember(context, id, hash);
    }

    private static Task Answer(HttpContext context, IProblemDetailsService problems, IdempotencyRecord seen, string hash)
    {
        if (seen.RequestHash != hash)
            return Refuse(context, problems, 422, "This Idempotency-Key was already used with a different request; use a new key for a new request.");
        if (!seen.Completed)
            return Refuse(context, problems, 409, "A request with this Idempotency-Key is still being processed; retry shortly.");

        context.Response.StatusCode = seen.StatusCode;
        if (seen.ContentType is not null) context.Response.ContentType = seen.ContentType;
        if (seen.Location is not null) context.Response.Headers.Location = seen.Location;
        if (seen.ETag is not null) context.Response.Headers.ETag = seen.ETag;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        return context.Response.WriteAsync(seen.Body, context.RequestAborted);
    }

    private async Task<bool> TryClaim(string id, string hash, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Insert(new IdempotencyRecord { Id = id, RequestHash = hash, CreatedAt = clock.GetUtcNow() });
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private async Task RunAndRemember(HttpContext context, string id, string hash)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var completed = false;
        try
        {
            await next(context);
            completed = context.Response.StatusCode < 500;
        }
        finally
        {
            context.Response.Body = original;
            await using var session = store.LightweightSession();
            if (completed)
            {
                session.Store(new IdempotencyRecord
                {
                    Id = id, RequestHash = hash, Completed = true, StatusCode = context.Response.StatusCode,
                    ContentType = context.Response.ContentType, Location = context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    ETag = context.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null,
                    Body = Encoding.UTF8.GetString(captured.ToArray()), CreatedAt = clock.GetUtcNow(),
                });
            }
            else
            {
                session.Delete<IdempotencyRecord>(id); // a failure is not remembered: the client may retry
            }
            await session.SaveChangesAsync(CancellationToken.None);
            captured.Position = 0;
            await captured.CopyToAsync(original, CancellationToken.None);
        }
    }

    private static async Task<string> RequestHash(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static async Task Refuse(HttpContext context, IProblemDetailsService problems, int status, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = "Idempotency-Key conflict", Detail = detail },
        });
    }
}
