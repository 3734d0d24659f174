namespace ProjectCases.Infrastructure.Http;

/// <summary>The response of every successful write: `{ id, version, ... }` with the new ETag.</summary>
public static class WriteResults
{
    public static IResult Created(HttpContext context, string location, object body, long version)
    {
        context.Response.Headers.ETag = IfMatch.ETag(version);
        return Results.Created(location, body);
    }

    public static IResult Ok(HttpContext context, object body, long version)
    {
        context.Response.Headers.ETag = IfMatch.ETag(version);
        return Results.Ok(body);
    }
}

/// <summary>The smallest write response of API.md.</summary>
public sealed record WriteAccepted(Guid Id, long Version);
