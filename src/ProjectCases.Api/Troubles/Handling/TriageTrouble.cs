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

public sealed record TriageTrouble([property: Required] Priority? Priority, TroubleCategory? Category);

public static class TriageTroubleDecision
{
    /// <summary>Sets priority (and may correct the category); the deadlines are recomputed from the report time and checked when they fall due.</summary>
    public static Decision Decide(TroubleWriteModel trouble, TriageTrouble command, ServiceDues dues, DateTimeOffset now) =>
        trouble.MustBeOpen("triage") ??
        Decision.Accept(new TroubleTriaged(trouble.Id, command.Priority!.Value, command.Category ?? trouble.Category, dues, now))
            .With(ServiceLevelChecks.For(trouble.Id, dues));
}

public static class TriageTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/triage"), Authorize(Roles = Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(TriageTrouble command, [WriteAggregate(Required = false)] TroubleWriteModel trouble,
        TimeProvider clock, ServiceLevelClock levels) =>
        WriteResults.Answer(TriageTroubleDecision.Decide(trouble, command, levels.Dues(trouble.ReportedAt, command.Priority!.Value), clock.GetUtcNow()),
            trouble.Id, trouble.Version);
}
