using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Troubles.Handling;

public sealed record AssignTrouble([property: Required, StringLength(200)] string Officer);

public static class AssignTroubleDecision
{
    public static Decision Decide(TroubleCase trouble, AssignTrouble command, DateTimeOffset now) =>
        TroubleAccess.MustBeOpen(trouble, "assign") ??
        (trouble.Assignee == command.Officer.Trim()
            ? Decision.Conflict($"The case is already assigned to {trouble.Assignee}.")
            : Decision.Accept(new TroubleAssigned(trouble.Id, command.Officer.Trim(), now)));
}

public static class AssignTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/assign"), Authorize(Roles = Roles.Hotline)]
    public static async Task<IResult> Post(Guid id, AssignTrouble command, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return TroubleAccess.Apply(stream!, AssignTroubleDecision.Decide(stream!.Aggregate!, command, clock.GetUtcNow()), context);
    }
}
