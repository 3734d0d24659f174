using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Troubles.Handling;

public static class AcknowledgeResolutionDecision
{
    /// <summary>The reporting company accepts the resolution (only its own cases reach here: TroubleWriteModel.VisibleTo).</summary>
    public static Decision Decide(TroubleWriteModel trouble, DateTimeOffset now) => trouble switch
    {
        { Status: not TroubleStatus.Resolved } => Decision.Conflict($"Only a resolved case can be acknowledged; this one is {trouble.Status.ToString().ToLowerInvariant()}."),
        { Acknowledged: true } => Decision.Conflict("The resolution was already acknowledged."),
        _ => Decision.Accept(new ResolutionAcknowledged(trouble.Id, now)),
    };
}

public static class AcknowledgeResolutionEndpoint
{
    [WolverinePost("/api/troubles/{id}/acknowledge"), Authorize(Roles = Roles.Company)]
    public static (IResult, Events, OutgoingMessages) Post([WriteAggregate(Required = false)] TroubleWriteModel trouble, TimeProvider clock) =>
        WriteResults.Answer(AcknowledgeResolutionDecision.Decide(trouble, clock.GetUtcNow()), trouble.Id, trouble.Version);
}
