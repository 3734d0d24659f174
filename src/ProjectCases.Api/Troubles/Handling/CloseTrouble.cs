using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Troubles.Handling;

public static class CloseTroubleDecision
{
    public static Decision Decide(TroubleWriteModel trouble, DateTimeOffset now) => trouble.Status == TroubleStatus.Resolved
        ? Decision.Accept(new TroubleClosed(trouble.Id, trouble.ProjectId, now))
        : Decision.Conflict($"Only a resolved case can be closed; this one is {trouble.Status.ToString().ToLowerInvariant()}.");
}

public static class CloseTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/close"), Authorize(Roles = Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post([WriteAggregate(Required = false)] TroubleWriteModel trouble, TimeProvider clock) =>
        WriteResults.Answer(CloseTroubleDecision.Decide(trouble, clock.GetUtcNow()), trouble.Id, trouble.Version);
}
