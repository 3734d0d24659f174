using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Troubles.Handling;

public static class AcknowledgeResolutionDecision
{
    /// <summary>The reporting company accepts the resolution (only its own cases reach here: TroubleAccess).</summary>
    public static Decision Decide(TroubleCase trouble, DateTimeOffset now) => trouble switch
    {
        { Status: not TroubleStatus.Resolved } => Decision.Conflict($"Only a resolved case can be acknowledged; this one is {trouble.Status.ToString().ToLowerInvariant()}."),
        { Acknowledged: true } => Decision.Conflict("The resolution was already acknowledged."),
        _ => Decision.Accept(new ResolutionAcknowledged(trouble.Id, now)),
    };
}

public static class AcknowledgeResolutionEndpoint
{
    [WolverinePost("/api/troubles/{id}/acknowledge"), Authorize(Roles = Roles.Company)]
    public static async Task<IResult> Post(Guid id, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return TroubleAccess.Apply(stream!, AcknowledgeResolutionDecision.Decide(stream!.Aggregate!, clock.GetUtcNow()), context);
    }
}
