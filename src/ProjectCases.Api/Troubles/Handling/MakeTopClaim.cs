using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects;

namespace ProjectCases.Troubles.Handling;

public sealed record MakeTopClaim(
    [property: Required] JapanLevel? RaisedBy,
    [property: Required, StringLength(300)] string RaisedWith,
    [property: Required, BusinessDate] DateOnly? RaisedOn,
    [property: StringLength(300)] string? Channel);

public static class MakeTopClaimDecision
{
    /// <summary>A top claim (トップクレーム): a high-level complaint to the partner government.</summary>
    public static Decision Decide(TroubleWriteModel trouble, MakeTopClaim command, DateTimeOffset now) =>
        trouble.MustBeOpen("record a top claim") ??
        Decision.Accept(new TopClaimMade(trouble.Id, command.RaisedBy!.Value, command.RaisedWith.Trim(), command.RaisedOn!.Value, command.Channel?.Trim(), now));
}

public static class MakeTopClaimEndpoint
{
    [WolverinePost("/api/troubles/{id}/top-claims"), Authorize(Roles = Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(MakeTopClaim command, [WriteAggregate(Required = false)] TroubleWriteModel trouble, TimeProvider clock) =>
        WriteResults.Answer(MakeTopClaimDecision.Decide(trouble, command, clock.GetUtcNow()), trouble.Id, trouble.Version);
}
