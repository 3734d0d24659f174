using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Troubles.Handling;

public sealed record AssignTrouble([property: Required, StringLength(200)] string Officer);

public static class AssignTroubleDecision
{
    public static Decision Decide(TroubleWriteModel trouble, AssignTrouble command, DateTimeOffset now) =>
        trouble.MustBeOpen("assign") ??
        (trouble.Assignee == command.Officer.Trim()
            ? Decision.Conflict($"The case is already assigned to {trouble.Assignee}.")
            : Decision.Accept(new TroubleAssigned(trouble.Id, command.Officer.Trim(), now)));
}

public static class AssignTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/assign"), Authorize(Roles = Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(AssignTrouble command, [WriteAggregate(Required = false)] TroubleWriteModel trouble, TimeProvider clock) =>
        WriteResults.Answer(AssignTroubleDecision.Decide(trouble, command, clock.GetUtcNow()), trouble.Id, trouble.Version);
}
