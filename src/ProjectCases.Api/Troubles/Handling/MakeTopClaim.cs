using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Troubles.Handling;

public sealed record MakeTopClaim(
    [property: Required] JapanLevel? RaisedBy,
    [property: Required, StringLength(300)] string RaisedWith,
    [property: Required, BusinessDate] DateOnly? RaisedOn,
    [property: StringLength(300)] string? Channel);

public static class MakeTopClaimDecision
{
    /// <summary>A top claim (トップクレーム): a high-level complaint to the partner government.</summary>
    public static Decision Decide(TroubleCase trouble, MakeTopClaim command, DateTimeOffset now) =>
        TroubleAccess.MustBeOpen(trouble, "record a top claim") ??
        Decision.Accept(new TopClaimMade(trouble.Id, command.RaisedBy!.Value, command.RaisedWith.Trim(), command.RaisedOn!.Value, command.Channel?.Trim(), now));
}

public static class MakeTopClaimEndpoint
{
    [WolverinePost("/api/troubles/{id}/top-claims"), Authorize(Roles = Roles.Hotline)]
    public static async Task<IResult> Post(Guid id, MakeTopClaim command, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return TroubleAccess.Apply(stream!, MakeTopClaimDecision.Decide(stream!.Aggregate!, command, clock.GetUtcNow()), context);
    }
}
