using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Troubles.Cases;
using ProjectCases.Troubles.ServiceLevels;
using Wolverine;
using Wolverine.Http;

namespace ProjectCases.Troubles.Handling;

public sealed record ReopenTrouble([property: Required, StringLength(4000)] string Reason);

public static class ReopenTroubleDecision
{
    /// <summary>A resolved or closed case reopens with a reason and a fresh resolution deadline from now.</summary>
    public static Decision Decide(TroubleCase trouble, ReopenTrouble command, DateTimeOffset resolutionDue, DateTimeOffset now) =>
        trouble.Status == TroubleStatus.Open
            ? Decision.Conflict("The case is already open.")
            : Decision.Accept(new TroubleReopened(trouble.Id, trouble.ProjectId, command.Reason.Trim(), resolutionDue, now));
}

public static class ReopenTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/reopen"), Authorize(Roles = Roles.Hotline + "," + Roles.Company)]
    public static async Task<IResult> Post(Guid id, ReopenTrouble command, HttpContext context, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, ServiceLevelClock levels, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var trouble = stream!.Aggregate!;
        var now = clock.GetUtcNow();
        var due = levels.ResolutionDue(now, trouble.Priority);
        var decision = ReopenTroubleDecision.Decide(trouble, command, due, now);
        if (decision.IsAccepted) await bus.ScheduleAsync(new CheckResolution(id, due), due);
        return TroubleAccess.Apply(stream, decision, context);
    }
}
