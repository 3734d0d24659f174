using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Troubles.Handling;

public static class CloseTroubleDecision
{
    public static Decision Decide(TroubleCase trouble, DateTimeOffset now) => trouble.Status == TroubleStatus.Resolved
        ? Decision.Accept(new TroubleClosed(trouble.Id, trouble.ProjectId, now))
        : Decision.Conflict($"Only a resolved case can be closed; this one is {trouble.Status.ToString().ToLowerInvariant()}.");
}

public static class CloseTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/close"), Authorize(Roles = Roles.Hotline)]
    public static async Task<IResult> Post(Guid id, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return TroubleAccess.Apply(stream!, CloseTroubleDecision.Decide(stream!.Aggregate!, clock.GetUtcNow()), context);
    }
}
