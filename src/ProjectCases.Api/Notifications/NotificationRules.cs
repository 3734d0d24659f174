using JasperFx.Events;
using ProjectCases.CountryRisks;
using ProjectCases.FollowUps;
using ProjectCases.Troubles;

namespace ProjectCases.Notifications;

/// <summary>Who gets a notification, before the address is known (NotificationCenter resolves it).</summary>
public enum Addressee { HotlineDesk, HotlineLead, AssignedOfficer, CaseReporter, TaskOwner }

/// <summary>
/// One notification asked for. Key identifies its cause (the event id, or task and due date for a reminder): with
/// kind and address it makes the notification's id, so a redelivered cause finds it already queued.
/// </summary>
public sealed record NotificationRequest(NotificationKind Kind, Addressee To, string Key, Guid Subject, string? Officer = null, string? Deadline = null,
    DateTimeOffset? DueAt = null, string? Risk = null);

/// <summary>Which events notify whom. Pure: an event in, requests out; the subscription reads exactly <see cref="EventTypes"/>.</summary>
public static class NotificationRules
{
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(TroubleReported), typeof(TroubleAssigned), typeof(TroubleResolved), typeof(FirstResponseOverdue), typeof(ResolutionOverdue),
        typeof(FollowUpOverdue), typeof(CountryRiskLinked),
        // Not notifications themselves: they (re)schedule the "due tomorrow" reminder (RemindTaskDueHandler).
        typeof(FollowUpScheduled), typeof(FollowUpRescheduled),
    ];

    public static IReadOnlyList<NotificationRequest> For(IEvent e) => e.Data switch
    {
        // TroubleReported is also copied onto the project's stream: only the case's own stream notifies.
        TroubleReported r when r.TroubleId == e.StreamId => [new(NotificationKind.CaseReported, Addressee.HotlineDesk, Key(e), r.TroubleId)],
        TroubleAssigned a => [new(NotificationKind.CaseAssigned, Addressee.AssignedOfficer, Key(e), a.TroubleId, Officer: a.Officer)],
        TroubleResolved r => [new(NotificationKind.CaseResolved, Addressee.CaseReporter, Key(e), r.TroubleId)],
        FirstResponseOverdue o => [new(NotificationKind.ServiceLevelBreached, Addressee.HotlineLead, Key(e), o.TroubleId, Deadline: "first-response", DueAt: o.DueAt)],
        ResolutionOverdue o => [new(NotificationKind.ServiceLevelBreached, Addressee.HotlineLead, Key(e), o.TroubleId, Deadline: "resolution", DueAt: o.DueAt)],
        FollowUpOverdue o => [new(NotificationKind.TaskOverdue, Addressee.TaskOwner, Key(e), o.TaskId)],
        // One per open case (its reporting contact); links recorded before cases were named carry none.
        CountryRiskLinked l => [.. (l.OpenCaseIds ?? []).Select(caseId => new NotificationRequest(NotificationKind.CountryRiskOnCase, Addressee.CaseReporter,
            $"{Key(e)}:{caseId}", caseId, Risk: $"{l.Kind} / {l.Country} / {l.Severity}: {l.RiskSummary}"))],
        _ => [],
    };

    private static string Key(IEvent e) => e.Id.ToString();
}
