using JasperFx.Events;
using ProjectCases.Projects;
using ProjectCases.Troubles;

namespace ProjectCases.FollowUps.Rules;

/// <summary>
/// Every rule that creates or closes a follow-up task, in one place (docs/follow-ups.md). Pure: an event
/// in, actions out. Due dates come from the event's business date (or the case's service-level due time).
/// </summary>
public static class FollowUpRules
{
    public const string ProjectDesk = "project-desk"; // resolved to the project's lead desk when the task is created
    public const string HotlineDesk = "desk:hotline";

    public static IReadOnlyList<FollowUpAction> For(IEvent e) => e.Data switch
    {
        TouchpointLogged t when t.Kind is TouchpointKind.TopSales or TouchpointKind.PolicyDialogue && t.Outcome is null =>
            // One task per touchpoint, however many projects it was logged for: the key is the touchpoint.
            [Open("record-outcome", t.TouchpointId, $"Record the outcome of the {Words(t.Kind)} with {t.Counterpart}", t.OccurredOn.AddDays(14), ProjectDesk, t.ProjectIds[0])],
        TouchpointOutcomeRecorded o => [new CloseTasks("record-outcome", o.TouchpointId, false, "Outcome recorded")],
        AgreementSigned a when a.AgreementType is AgreementType.MOU or AgreementType.MOC or AgreementType.LOI =>
            [Open("review-progress", a.AgreementId, $"Review progress under the {a.AgreementType} '{a.Title}'", a.SignedOn.AddDays(90), ProjectDesk, a.ProjectId)],
        TenderOpened t =>
            [Open("confirm-bidders", t.TenderId, $"Confirm Japanese bidders for '{t.Package}'", t.Deadline ?? t.OpenedOn.AddDays(30), ProjectDesk, t.ProjectId)],
        JapaneseBidsRecorded b => [new CloseTasks("confirm-bidders", b.TenderId, false, "Japanese bids recorded")],
        TenderFailed f => [new CloseTasks("confirm-bidders", f.TenderId, true, $"Tender failed ({f.Reason})")],
        ContractAwarded a => [
            .. a.TenderId is { } tender ? [new CloseTasks("confirm-bidders", tender, false, "Contract awarded")] : Array.Empty<FollowUpAction>(),
            .. a.JapaneseWinner ? [Open("post-award-check-in", a.AwardId, $"Post-award check-in on '{a.Package}'", a.AwardedOn.AddDays(180), ProjectDesk, a.ProjectId)] : Array.Empty<FollowUpAction>()],
        ProjectStatusChanged { Status: ProjectStatusValue.Suspended or ProjectStatusValue.OnHold or ProjectStatusValue.Postponed } s =>
            [Open("re-review-status", s.ProjectId, $"Re-review the {s.Status} project", s.EffectiveOn.AddDays(90), ProjectDesk, s.ProjectId, repeatKey: e.Id)],
        ProjectStatusChanged { Status: ProjectStatusValue.Resumed or ProjectStatusValue.Withdrawn } s =>
            [new CloseTasks("re-review-status", s.ProjectId, true, $"Project {s.Status}")],
        _ => TroubleRules(e),
    };

    /// <summary>The hotline's deadlines as tasks of the desk (then the assigned officer), closed when met.
    /// Only the case's own stream counts: the copies of these events on project streams are ignored.</summary>
    private static IReadOnlyList<FollowUpAction> TroubleRules(IEvent e) => e.Data switch
    {
        TroubleReported r when r.TroubleId == e.StreamId => [
            Open("first-response", r.TroubleId, $"First response to {r.Reporter.Company}: {r.Summary}", TokyoTime.DateOf(r.Dues.FirstResponseDue), HotlineDesk, r.ProjectId, r.TroubleId),
            Open("resolution", r.TroubleId, $"Resolve: {r.Summary}", TokyoTime.DateOf(r.Dues.ResolutionDue), HotlineDesk, r.ProjectId, r.TroubleId)],
        TroubleTriaged t => [
            new CloseTasks("first-response", t.TroubleId, false, "Triaged"),
            new MoveTasks("resolution", t.TroubleId, TokyoTime.DateOf(t.Dues.ResolutionDue), $"Triaged as {t.Priority}")],
        AgencyConsulted c => [new CloseTasks("first-response", c.TroubleId, false, $"{c.Agency} consulted")],
        TroubleNoteAdded { ByCompany: false, Visibility: NoteVisibility.Shared } n => [new CloseTasks("first-response", n.TroubleId, false, "Answered the company")],
        TroubleAssigned a => [new ReassignTasks("first-response", a.TroubleId, a.Officer), new ReassignTasks("resolution", a.TroubleId, a.Officer)],
        TroubleResolved r => [new CloseTasks("first-response", r.TroubleId, false, "Resolved"), new CloseTasks("resolution", r.TroubleId, false, $"Resolved ({r.Outcome})")],
        TroubleReopened r when r.TroubleId == e.StreamId =>
            [Open("resolution", r.TroubleId, $"Resolve the reopened case: {r.Reason}", TokyoTime.DateOf(r.ResolutionDue), HotlineDesk, r.ProjectId, r.TroubleId, repeatKey: e.Id)],
        _ => [],
    };

    private static OpenTask Open(string rule, Guid subject, string title, DateOnly dueOn, string owner, Guid? projectId, Guid? troubleId = null, Guid? repeatKey = null) =>
        new(rule, subject, $"{rule}:{subject}:{repeatKey}", title, dueOn, owner, projectId, troubleId);

    private static string Words(TouchpointKind kind) => kind == TouchpointKind.TopSales ? "top-sales visit" : "policy dialogue";

    /// <summary>The event types the rules read (the subscription's allow list).</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(TouchpointLogged), typeof(TouchpointOutcomeRecorded), typeof(AgreementSigned), typeof(TenderOpened),
        typeof(JapaneseBidsRecorded), typeof(TenderFailed), typeof(ContractAwarded), typeof(ProjectStatusChanged),
        typeof(TroubleReported), typeof(TroubleTriaged), typeof(AgencyConsulted), typeof(TroubleNoteAdded),
        typeof(TroubleAssigned), typeof(TroubleResolved), typeof(TroubleReopened),
    ];
}
