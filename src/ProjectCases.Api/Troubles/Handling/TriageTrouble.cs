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

public sealed record TriageTrouble([property: Required] Priority? Priority, TroubleCategory? Category);

public static class TriageTroubleDecision
{
    /// <summary>Sets priority (and may correct the category); the deadlines are recomputed from the report time.</summary>
    public static Decision Decide(TroubleCase trouble, TriageTrouble command, ServiceDues dues, DateTimeOffset now) =>
        TroubleAccess.MustBeOpen(trouble, "triage") ??
        Decision.Accept(new TroubleTriaged(trouble.Id, command.Priority!.Value, command.Category ?? trouble.Category, dues, now));
}

public static class TriageTroubleEndpoint
{
    [WolverinePost("/api/troubles/{id}/triage"), Authorize(Roles = Roles.Hotline)]
    public static async Task<IResult> Post(Guid id, TriageTrouble command, HttpContext context, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, ServiceLevelClock levels, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var dues = levels.Dues(stream!.Aggregate!.ReportedAt, command.Priority!.Value);
        var decision = TriageTroubleDecision.Decide(stream.Aggregate, command, dues, clock.GetUtcNow());
        if (decision.IsAccepted) await ServiceLevelChecks.ScheduleAsync(bus, id, dues);
        return TroubleAccess.Apply(stream, decision, context);
    }
}
