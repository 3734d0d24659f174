using ProjectCases.Infrastructure.Decisions;
using Wolverine;
using Wolverine.Marten;

namespace ProjectCases.Troubles.ServiceLevels;

/// <summary>Durable scheduled messages (kept in PostgreSQL by Wolverine, so they survive restarts), one per deadline.</summary>
public sealed record CheckFirstResponse(Guid TroubleId, DateTimeOffset DueAt);

public sealed record CheckResolution(Guid TroubleId, DateTimeOffset DueAt);

public static class ServiceLevelChecks
{
    /// <summary>The two checks a report or a triage schedules, as outgoing messages of its decision.</summary>
    public static object[] For(Guid troubleId, ServiceDues dues) =>
    [
        new CheckFirstResponse(troubleId, dues.FirstResponseDue).ScheduledAt(dues.FirstResponseDue),
        new CheckResolution(troubleId, dues.ResolutionDue).ScheduledAt(dues.ResolutionDue),
    ];

    /// <summary>
    /// Each check looks at the case as it is now and records a breach only if the case is still waiting
    /// for that very deadline. A deadline moved by triage or reopening leaves the old message with nothing
    /// to do, so nothing ever needs cancelling. A check delivered early looks again at its due time.
    /// </summary>
    public static Decision FirstResponse(TroubleWriteModel trouble, CheckFirstResponse check, DateTimeOffset now) =>
        trouble is not { Status: TroubleStatus.Open, FirstRespondedAt: null, FirstResponseBreached: false } || trouble.FirstResponseDue != check.DueAt
            ? Decision.Accept()
            : now < check.DueAt
                ? Decision.Accept().With(check.ScheduledAt(check.DueAt))
                : Decision.Accept(new FirstResponseOverdue(check.TroubleId, check.DueAt));

    public static Decision Resolution(TroubleWriteModel trouble, CheckResolution check, DateTimeOffset now) =>
        trouble is not { Status: TroubleStatus.Open, ResolutionBreached: false } || trouble.ResolutionDue != check.DueAt
            ? Decision.Accept()
            : now < check.DueAt
                ? Decision.Accept().With(check.ScheduledAt(check.DueAt))
                : Decision.Accept(new ResolutionOverdue(check.TroubleId, check.DueAt));
}

/// <summary>Wolverine handlers of the checks, on the aggregate workflow: the case is fetched for writing, the decision's events appended.</summary>
public static class CheckFirstResponseHandler
{
    public static (Events, OutgoingMessages) Handle(CheckFirstResponse check, [WriteAggregate(nameof(CheckFirstResponse.TroubleId))] TroubleWriteModel trouble,
        TimeProvider clock) => ServiceLevelChecks.FirstResponse(trouble, check, clock.GetUtcNow()).AsSideEffects();
}

public static class CheckResolutionHandler
{
    public static (Events, OutgoingMessages) Handle(CheckResolution check, [WriteAggregate(nameof(CheckResolution.TroubleId))] TroubleWriteModel trouble,
        TimeProvider clock) => ServiceLevelChecks.Resolution(trouble, check, clock.GetUtcNow()).AsSideEffects();
}
