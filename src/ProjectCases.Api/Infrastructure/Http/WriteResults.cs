using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using Wolverine;
using Wolverine.Marten;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// The response of every write, as values: `{ id, version, ... }` with the new ETag, or the refusal. A company
/// user is shown no versions (they count the hotline's internal actions too): its responses carry neither
/// `version` nor an ETag.
/// </summary>
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

    public static IResult Created(string location, object body, long version) => new WithETag(body, version, location);

    public static IResult Ok(object body, long version) => new WithETag(body, version, null);

    public static IResult Refuse(Refusal refusal) => Results.Problem(refusal.ToProblem());

    /// <summary>
    /// 200, or 201 at <paramref name="location"/>, that also sets the ETag (who reads is known only when the
    /// response is written, so endpoints stay free of HttpContext).
    /// </summary>
    public sealed class WithETag(object body, long version, string? location) : IResult, IStatusCodeHttpResult, IValueHttpResult
    {
        public long Version => version;
        public int? StatusCode => location is null ? StatusCodes.Status200OK : StatusCodes.Status201Created;
        public object? Value => body;

        public Task ExecuteAsync(HttpContext context)
        {
            object shown = body;
            if (context.User.IsInRole(Roles.Company)) shown = WithoutVersion(context, body);
            else context.Response.Headers.ETag = IfMatch.ETag(version);
            return (location is null ? Results.Ok(shown) : Results.Created(location, shown)).ExecuteAsync(context);
        }

        private static object WithoutVersion(HttpContext context, object body)
        {
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            if (JsonSerializer.SerializeToNode(body, body.GetType(), json) is not JsonObject shown) return body;
            shown.Remove("version");
            return shown;
        }
    }
}

/// <summary>The smallest write response of API.md.</summary>
public sealed record WriteAccepted(Guid Id, long Version);
