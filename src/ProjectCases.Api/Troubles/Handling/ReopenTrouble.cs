using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using ProjectCases.Troubles.ServiceLevels;

namespace ProjectCases.Troubles.Handling;

public sealed record ReopenTrouble([property: Required, StringLength(4000)] string Reason);

public static class ReopenTroubleDecision
{
    /// <summary>A resolved or closed case reopens with a reason and a fresh resolution deadline from now, checked when it falls due.</summary>
    public static Decision Decide(TroubleWriteModel trouble, ReopenTrouble command, DateTimeOffset resolutionDue, DateTimeOffset now) =>
        trouble.Status == TroubleStatus.Open
            ? Decision.Conflict("The case is already open.")
            : Decision.Accept(new TroubleReopened(trouble.Id, trouble.ProjectId, command.Reason.Trim(), resolutionDue, now))
                .With(new CheckResolution(trouble.Id, resolutionDue).ScheduledAt(resolutionDue));
}

public static class ReopenTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/reopen"), Authorize(Roles = Roles.Hotline + "," + Roles.Company)]
    public static (IResult, Events, OutgoingMessages) Post(ReopenTrouble command, [WriteAggregate(Required = false)] TroubleWriteModel trouble,
        TimeProvider clock, ServiceLevelClock levels)
    {
        var now = clock.GetUtcNow();
        var decision = ReopenTroubleDecision.Decide(trouble, command, levels.ResolutionDue(now, trouble.Priority), now);
        return WriteResults.Answer(decision, trouble.Id, trouble.Version);
    }
}
