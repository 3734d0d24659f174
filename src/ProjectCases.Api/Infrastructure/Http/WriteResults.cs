using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// The response of every successful write: `{ id, version, ... }` with the new ETag. A company user is shown no
/// versions (they count the hotline's internal actions too): its responses carry neither `version` nor an ETag.
/// </summary>
public static class WriteResults
{
    public static IResult Created(HttpContext context, string location, object body, long version) =>
        Results.Created(location, ForReader(context, body, version));

    public static IResult Ok(HttpContext context, object body, long version) => Results.Ok(ForReader(context, body, version));

    private static object ForReader(HttpContext context, object body, long version)
    {
        if (!context.User.IsInRole(Roles.Company))
        {
            context.Response.Headers.ETag = IfMatch.ETag(version);
            return body;
        }
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (JsonSerializer.SerializeToNode(body, body.GetType(), json) is not JsonObject shown) return body;
        shown.Remove("version");
        return shown;
    }
}

/// <summary>The smallest write response of API.md.</summary>
public sealed record WriteAccepted(Guid Id, long Version);
