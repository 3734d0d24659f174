using Marten;
using Wolverine;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Troubles.ServiceLevels;

/// <summary>Durable scheduled messages (kept in PostgreSQL by Wolverine, so they survive restarts), one per deadline.</summary>
public sealed record CheckFirstResponse(Guid TroubleId, DateTimeOffset DueAt);

public sealed record CheckResolution(Guid TroubleId, DateTimeOffset DueAt);

public static class ServiceLevelChecks
{
    public static async Task ScheduleAsync(IMessageBus bus, Guid troubleId, ServiceDues dues)
    {
        await bus.ScheduleAsync(new CheckFirstResponse(troubleId, dues.FirstResponseDue), dues.FirstResponseDue);
        await bus.ScheduleAsync(new CheckResolution(troubleId, dues.ResolutionDue), dues.ResolutionDue);
    }
}

/// <summary>
/// Each check looks at the case as it is now and records a breach only if the case is still waiting
/// for that very deadline. A deadline moved by triage or reopening leaves the old message with nothing
/// to do, so nothing ever needs cancelling.
/// </summary>
public static class CheckFirstResponseHandler
{
    public static async Task Handle(CheckFirstResponse check, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var stream = await session.Events.FetchForWriting<TroubleCase>(check.TroubleId);
        if (stream.Aggregate is not { Status: TroubleStatus.Open, FirstRespondedAt: null, FirstResponseBreached: false } trouble
            || trouble.FirstResponseDue != check.DueAt) return;
        if (clock.GetUtcNow() < check.DueAt) { await bus.ScheduleAsync(check, check.DueAt); return; } // early: look again then
        stream.AppendOne(new FirstResponseOverdue(check.TroubleId, check.DueAt));
    }
}

public static class CheckResolutionHandler
{
    public static async Task Handle(CheckResolution check, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var stream = await session.Events.FetchForWriting<TroubleCase>(check.TroubleId);
        if (stream.Aggregate is not { Status: TroubleStatus.Open, ResolutionBreached: false } trouble
            || trouble.ResolutionDue != check.DueAt) return;
        if (clock.GetUtcNow() < check.DueAt) { await bus.ScheduleAsync(check, check.DueAt); return; }
        stream.AppendOne(new ResolutionOverdue(check.TroubleId, check.DueAt));
    }
}
