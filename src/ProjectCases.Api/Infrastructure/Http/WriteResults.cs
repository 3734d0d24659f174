using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using Wolverine;
using Wolverine.Marten;

namespace ProjectCases.Infrastructure.Http;

/// <summary>The response of every write, as values: `{ id, version, ... }` with the new ETag, or the refusal.</summary>
public static class WriteResults
{
    /// <summary>
    /// What an endpoint on an existing stream returns to Wolverine's aggregate workflow: the response, the
    /// events to append to the stream (at <paramref name="version"/> + their count), and the messages to send.
    /// A refusal appends and sends nothing.
    /// </summary>
    public static (IResult, Events, OutgoingMessages) Answer(Decision decision, Guid id, long version,
        Func<long, object>? body = null, string? createdAt = null)
    {
        if (decision.Refusal is { } refusal) return (Refuse(refusal), [], []);
        var next = version + decision.Events.Count;
        var response = body?.Invoke(next) ?? new WriteAccepted(id, next);
        var result = createdAt is null ? Ok(response, next) : Created(createdAt, response, next);
        Events events = [.. decision.Events];
        OutgoingMessages messages = [.. decision.Messages];
        return (result, events, messages);
    }

    public static IResult Created(string location, object body, long version) => new WithETag(Results.Created(location, body), version);

    public static IResult Ok(object body, long version) => new WithETag(Results.Ok(body), version);

    public static IResult Refuse(Refusal refusal) => Results.Problem(refusal.ToProblem());

    /// <summary>A result that also sets the ETag, so that endpoints stay free of HttpContext.</summary>
    public sealed class WithETag(IResult inner, long version) : IResult, IStatusCodeHttpResult, IValueHttpResult
    {
        public IResult Inner => inner;
        public long Version => version;
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;
        public object? Value => (inner as IValueHttpResult)?.Value;

        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.ETag = IfMatch.ETag(version);
            return inner.ExecuteAsync(context);
        }
    }
}

/// <summary>The smallest write response of API.md.</summary>
public sealed record WriteAccepted(Guid Id, long Version);
