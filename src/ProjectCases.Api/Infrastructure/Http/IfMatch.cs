using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Infrastructure.Http;

/// <summary>The optional `If-Match: "&lt;version&gt;"` precondition of writes on existing streams.</summary>
public static class IfMatch
{
    /// <summary>The expected stream version, null when the header is absent, or a 400 problem when it is unreadable.</summary>
    public static (long? Version, ProblemDetails? Problem) Read(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return (null, null);
        // A company is shown no versions; a precondition on one would let it probe them (412 or not).
        if (request.HttpContext.User.IsInRole(Roles.Company))
            return (null, new ProblemDetails
            {
                Status = 400,
                Title = "If-Match not offered",
                Detail = "Company users are shown no versions, so If-Match is not offered to them; send the request without it.",
            });
        var text = header.Trim();
        if (text.StartsWith("W/")) text = text[2..];
        text = text.Trim('"');
        return long.TryParse(text, out var version) && version > 0
            ? (version, null)
            : (null, new ProblemDetails
            {
                Status = 400,
                Title = "Invalid If-Match",
                Detail = $"If-Match must be a stream version in quotes, like \"3\" (the ETag of the resource); got {header}.",
            });
    }

    public static string ETag(long version) => $"\"{version}\"";
}
