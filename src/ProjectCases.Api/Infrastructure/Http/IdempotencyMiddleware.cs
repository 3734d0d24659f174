using System.Security.Cryptography;
using System.Text;
using Marten;
using JasperFx;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Errors;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// `Idempotency-Key` on writes: the first response (any status below 500) is stored; a repeat with the
/// same key and the same request gets that response again and appends nothing; the same key with a
/// different request is refused with 422. The key's record is committed with the write itself
/// (IdempotencyCommitListener), so no failure can leave a key "in progress" for ever: without the record the
/// write did not happen and a retry performs it; with it the write happened, and a retry gets the response,
/// or, if the service stopped before the response was stored, a 409 saying the write was carried out.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IDocumentStore store, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// How long after its commit a write may still be sending its response (normally milliseconds); after that
    /// the response is taken as lost. Short, because a client whose commit was cut off retries after a 503.
    /// </summary>
    public static readonly TimeSpan ResponseGrace = TimeSpan.FromSeconds(10);

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
        if (await LoadAsync(id, context.RequestAborted) is { } seen)
        {
            await Answer(context, problems, seen, hash);
            return;
        }
        await RunAndRemember(context, problems, id, hash);
    }

    private async Task<IdempotencyRecord?> LoadAsync(string id, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var seen = await session.LoadAsync<IdempotencyRecord>(id, ct);
        if (seen is null || seen.Committed || seen.Completed) return seen;
        // A claim left by the earlier version of this middleware (written before the request ran, in a
        // transaction of its own): it says nothing about the write. Cleared, so that this request can run.
        session.DeleteWhere<IdempotencyRecord>(r => r.Id == id && !r.Committed && !r.Completed);
        await session.SaveChangesAsync(ct);
        return null;
    }

    private Task Answer(HttpContext context, IProblemDetailsService problems, IdempotencyRecord seen, string hash)
    {
        if (seen.RequestHash != hash)
            return Refuse(context, problems, 422, "This Idempotency-Key was already used with a different request; use a new key for a new request.");
        if (!seen.Completed && seen.CommittedAt + ResponseGrace - clock.GetUtcNow() is { Ticks: > 0 } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refuse(context, problems, 409, "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        if (!seen.Completed)
        {
            return Refuse(context, problems, 409,
                $"The request with this Idempotency-Key was carried out at {seen.CommittedAt:O}, but the service stopped before its response was recorded; read the resource to see the result.",
                ("carriedOut", true), ("streams", seen.Streams));
        }

        context.Response.StatusCode = seen.StatusCode;
        if (seen.ContentType is not null) context.Response.ContentType = seen.ContentType;
        if (seen.Location is not null) context.Response.Headers.Location = seen.Location;
        if (seen.ETag is not null) context.Response.Headers.ETag = seen.ETag;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        return context.Response.WriteAsync(seen.Body, context.RequestAborted);
    }

    private async Task RunAndRemember(HttpContext context, IProblemDetailsService problems, string id, string hash)
    {
        var pending = new IdempotencyCommitListener.Pending(id, hash);
        IdempotencyCommitListener.Expect(context, pending);
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch (Exception e) when (pending.Written && IsDuplicateKey(e))
        {
            // A concurrent request with the same key committed first; this one's events were rolled back with its record.
            context.Response.Body = original;
            context.Response.Clear();
            var winner = await LoadAsync(id, CancellationToken.None) ?? throw new InvalidOperationException("The Idempotency-Key record vanished.", e);
            await Answer(context, problems, winner, hash);
            return;
        }
        finally
        {
            context.Response.Body = original;
        }

        pending.Written = true; // nothing after this point belongs to the request's write
        if (context.Response.StatusCode < 500) await TryStoreResponse(context, id, hash, captured);
        captured.Position = 0;
        await captured.CopyToAsync(original, CancellationToken.None);
    }

    /// <summary>
    /// Stores the response to replay. Best effort: the write (if any) is already committed with its record,
    /// so a database lost at this point must not turn the client's success into an error.
    /// </summary>
    private async Task TryStoreResponse(HttpContext context, string id, string hash, MemoryStream captured)
    {
        try
        {
            await using var session = store.LightweightSession();
            var now = clock.GetUtcNow();
            var record = await session.LoadAsync<IdempotencyRecord>(id, CancellationToken.None) ?? new IdempotencyRecord { Id = id, RequestHash = hash, CreatedAt = now };
            record.Completed = true;
            record.StatusCode = context.Response.StatusCode;
            record.ContentType = context.Response.ContentType;
            record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
            record.ETag = context.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null;
            record.Body = Encoding.UTF8.GetString(captured.ToArray());
            session.Store(record);
            await session.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (TransientFailures.IsDatabaseUnavailable(e))
        {
            logger.LogWarning("The response to Idempotency-Key {Id} was not stored (database unavailable); a retry will be told the write was carried out: {Error}",
                id, e.GetBaseException().Message);
        }
    }

    private static bool IsDuplicateKey(Exception e) =>
        e is DocumentAlreadyExistsException || e.InnerException is { } inner && IsDuplicateKey(inner);

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

    private static async Task Refuse(HttpContext context, IProblemDetailsService problems, int status, string detail,
        params (string Name, object Value)[] extensions)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = "Idempotency-Key conflict", Detail = detail };
        foreach (var (name, value) in extensions) problem.Extensions[name] = value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
