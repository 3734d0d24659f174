using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Troubles.Handling;

public sealed record ResolveTrouble([property: Required] ResolutionOutcome? Outcome, [property: Required, StringLength(4000)] string Summary);

public static class ResolveTroubleDecision
{
    public static Decision Decide(TroubleCase trouble, ResolveTrouble command, DateTimeOffset now) =>
        TroubleAccess.MustBeOpen(trouble, "resolve") ??
        Decision.Accept(new TroubleResolved(trouble.Id, command.Outcome!.Value, command.Summary.Trim(), now));
}

public static class ResolveTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/resolve"), Authorize(Roles = Roles.Hotline)]
    public static async Task<IResult> Post(Guid id, ResolveTrouble command, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return TroubleAccess.Apply(stream!, ResolveTroubleDecision.Decide(stream!.Aggregate!, command, clock.GetUtcNow()), context);
    }
}
