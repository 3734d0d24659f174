using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Troubles.Handling;

public sealed record ResolveTrouble([property: Required] ResolutionOutcome? Outcome, [property: Required, StringLength(4000)] string Summary);

public static class ResolveTroubleDecision
{
    public static Decision Decide(TroubleWriteModel trouble, ResolveTrouble command, DateTimeOffset now) =>
        trouble.MustBeOpen("resolve") ??
        Decision.Accept(new TroubleResolved(trouble.Id, command.Outcome!.Value, command.Summary.Trim(), now));
}

public static class ResolveTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/resolve"), Authorize(Roles = Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(ResolveTrouble command, [WriteAggregate(Required = false)] TroubleWriteModel trouble, TimeProvider clock) =>
        WriteResults.Answer(ResolveTroubleDecision.Decide(trouble, command, clock.GetUtcNow()), trouble.Id, trouble.Version);
}
