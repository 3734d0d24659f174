using JasperFx.Events;
using ProjectCases.CountryRisks;
using ProjectCases.Infrastructure;
using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;
using ProjectCases.Troubles;

namespace ProjectCases.FollowUps.Rules;

/// <summary>
/// Every rule that creates or closes a follow-up task, declared once (docs/follow-ups.md is generated
/// from it). Pure: an event in, actions out. Due dates come from the event's business date (or the case's
/// service-level due time, as a Tokyo day); a month or fiscal-year date counts from its first day (BusinessDate.Start).
/// </summary>
public static class FollowUpRules
{
    public const string ProjectDesk = "project-desk"; // resolved to the project's lead desk when the task is created
    public const string HotlineDesk = "desk:hotline";

    public static readonly FollowUpRuleTable Table = Build();

    public static IReadOnlyList<FollowUpAction> For(IEvent e) => Table.For(e);

    /// <summary>The event types the rules read (the subscription's allow-list).</summary>
    public static IReadOnlyList<Type> EventTypes => Table.EventTypes;

    private static FollowUpRuleTable Build()
    {
        var table = new FollowUpRuleTable();
        table.Add(RuleId.RecordOutcome, "Record the outcome, one per touchpoint however many projects it concerns", "project desk", "occurredOn + 14 days")
            .OpensOn<TouchpointLogged>("of kind TopSales or PolicyDialogue with no outcome yet", e => e.Data is { Kind: TouchpointKind.TopSales or TouchpointKind.PolicyDialogue, Outcome: null } t
                ? Open(RuleId.RecordOutcome, t.TouchpointId, $"Record the outcome of the {Words(t.Kind)} with {t.Counterpart}", t.OccurredOn.Start.AddDays(14), ProjectDesk, t.ProjectIds[0], factOn: t.OccurredOn.Start)
                : null)
            .Then<TouchpointOutcomeRecorded>("completes it", e => Complete(RuleId.RecordOutcome, e.Data.TouchpointId, "Outcome recorded"))
            .Then<FactVoided>("of the touchpoint cancels it", e => e.Data.Original.TouchpointLogged is { } t ? Cancel(RuleId.RecordOutcome, t.TouchpointId, $"Touchpoint voided: {e.Data.Reason}") : null)
            .Then<FactCorrected>("of the touchpoint moves it to the corrected occurredOn + 14 days", e => e.Data.Corrected.TouchpointLogged is { } t
                ? new MoveTasks(RuleId.RecordOutcome, t.TouchpointId, t.OccurredOn.Start.AddDays(14), $"Touchpoint corrected: {e.Data.Reason}")
                : null);

        table.Add(RuleId.ReviewProgress, "Review progress", "project desk", "signedOn + 90 days")
            .OpensOn<AgreementSigned>("MOU, MOC or LOI", e => e.Data is { AgreementType: AgreementType.MOU or AgreementType.MOC or AgreementType.LOI } a
                ? Open(RuleId.ReviewProgress, a.AgreementId, $"Review progress under the {a.AgreementType} '{a.Title}'", a.SignedOn.Start.AddDays(90), ProjectDesk, a.ProjectId, factOn: a.SignedOn.Start)
                : null)
            .Then<FactVoided>("of the agreement cancels it", e => e.Data.Original.AgreementSigned is { } a ? Cancel(RuleId.ReviewProgress, a.AgreementId, $"Agreement voided: {e.Data.Reason}") : null)
            .Then<FactCorrected>("of the agreement moves it to the corrected signedOn + 90 days", e => e.Data.Corrected.AgreementSigned is { } a
                ? new MoveTasks(RuleId.ReviewProgress, a.AgreementId, a.SignedOn.Start.AddDays(90), $"Agreement corrected: {e.Data.Reason}")
                : null);

        table.Add(RuleId.ConfirmBidders, "Confirm Japanese bidders", "project desk", "the deadline, or openedOn + 30 days without one (recorded + 30 days when the opening is not known)")
            .OpensOn<TenderOpened>("", e => Open(RuleId.ConfirmBidders, e.Data.TenderId, $"Confirm Japanese bidders for '{e.Data.Package}'",
                ConfirmBiddersDue(e.Data, e.Timestamp), ProjectDesk, e.Data.ProjectId, factOn: e.Data.OpenedOn?.Start ?? e.Data.Deadline))
            .Then<JapaneseBidsRecorded>("completes it", e => Complete(RuleId.ConfirmBidders, e.Data.TenderId, "Japanese bids recorded"))
            .Then<TenderFailed>("cancels it", e => Cancel(RuleId.ConfirmBidders, e.Data.TenderId, $"Tender failed ({e.Data.Reason})"))
            .Then<ContractAwarded>("on the tender completes it", e => e.Data.TenderId is { } tender ? Complete(RuleId.ConfirmBidders, tender, "Contract awarded") : null)
            .Then<FactVoided>("of the tender cancels it", e => e.Data.Original.TenderOpened is { } t ? Cancel(RuleId.ConfirmBidders, t.TenderId, $"Tender voided: {e.Data.Reason}") : null)
            .Then<FactCorrected>("of the tender moves it to the corrected deadline (or openedOn + 30 days)", e => e.Data.Corrected.TenderOpened is { } t
                ? new MoveTasks(RuleId.ConfirmBidders, t.TenderId, ConfirmBiddersDue(t, e.Timestamp), $"Tender corrected: {e.Data.Reason}")
                : null);

        table.Add(RuleId.PostAwardCheckIn, "Post-award check-in", "project desk", "awardedOn + 180 days")
            .OpensOn<ContractAwarded>("with a Japanese winner", e => e.Data is { JapaneseWinner: true } a
                ? Open(RuleId.PostAwardCheckIn, a.AwardId, $"Post-award check-in on '{a.Package}'", a.AwardedOn.Start.AddDays(180), ProjectDesk, a.ProjectId, factOn: a.AwardedOn.Start)
                : null)
            .Then<FactVoided>("of the award cancels it", e => e.Data.Original.ContractAwarded is { } a ? Cancel(RuleId.PostAwardCheckIn, a.AwardId, $"Award voided: {e.Data.Reason}") : null)
            .Then<FactCorrected>("of the award moves it to the corrected awardedOn + 180 days (cancels it when the winner is no longer Japanese)", e => e.Data.Corrected.ContractAwarded is { } a
                ? a.JapaneseWinner
                    ? new MoveTasks(RuleId.PostAwardCheckIn, a.AwardId, a.AwardedOn.Start.AddDays(180), $"Award corrected: {e.Data.Reason}")
                    : Cancel(RuleId.PostAwardCheckIn, a.AwardId, $"Award corrected: {e.Data.Reason}")
                : null);

        table.Add(RuleId.ReReviewStatus, "Re-review status, one per change", "project desk", "effectiveOn + 90 days")
            .OpensOn<ProjectStatusChanged>("to Suspended, OnHold or Postponed", e => e.Data is { Status: ProjectStatusValue.Suspended or ProjectStatusValue.OnHold or ProjectStatusValue.Postponed } s
                ? Open(RuleId.ReReviewStatus, s.ProjectId, $"Re-review the {s.Status} project", s.EffectiveOn.Start.AddDays(90), ProjectDesk, s.ProjectId, repeatKey: e.Id, factOn: s.EffectiveOn.Start)
                : null)
            .Then<ProjectStatusChanged>("to Resumed or Withdrawn cancels it", e => e.Data is { Status: ProjectStatusValue.Resumed or ProjectStatusValue.Withdrawn } s
                ? Cancel(RuleId.ReReviewStatus, s.ProjectId, $"Project {s.Status}")
                : null)
            .Then<FactVoided>("of a status change cancels it", e => e.Data.Original.ProjectStatusChanged is { } s ? Cancel(RuleId.ReReviewStatus, s.ProjectId, $"Status change voided: {e.Data.Reason}") : null);

        // Country risk (CountryRisks/): each linked project's desk confirms the partner's intent and the project's
        // state; the hotline desk informs the companies with open cases; every decision but Withdraw is reviewed.
        table.Add(RuleId.ConfirmRiskState, "Confirm the partner's intent and the project's state, one per project and risk", "project desk", "linkedOn + 7 days")
            .OpensOn<CountryRiskLinked>("", e => Open(RuleId.ConfirmRiskState, CountryRiskSubject(e.Data.RiskId, e.Data.ProjectId),
                $"Confirm the partner's intent and the project's state ({Words(e.Data.Kind)} in {e.Data.Country}, {e.Data.Severity})",
                e.Data.LinkedOn.AddDays(7), ProjectDesk, e.Data.ProjectId))
            .Then<CountryRiskDecided>("completes it", e => Complete(RuleId.ConfirmRiskState, CountryRiskSubject(e.Data.RiskId, e.Data.ProjectId), $"Decided: {e.Data.Decision}"));

        table.Add(RuleId.InformCompaniesOfRisk, "Inform the companies with open hotline cases on the project", $"`{HotlineDesk}`", "linkedOn + 2 days")
            .OpensOn<CountryRiskLinked>("when the project has open hotline cases", e => e.Data.CompaniesWithOpenCases.Count > 0
                ? Open(RuleId.InformCompaniesOfRisk, CountryRiskSubject(e.Data.RiskId, e.Data.ProjectId),
                    $"Inform {string.Join(", ", e.Data.CompaniesWithOpenCases)} of the {Words(e.Data.Kind)} in {e.Data.Country}", e.Data.LinkedOn.AddDays(2), HotlineDesk, e.Data.ProjectId)
                : null);

        table.Add(RuleId.ReviewRiskDecision, "Review the continue-or-withdraw decision, one per decision", "project desk", "reviewOn")
            .Then<CountryRiskDecided>("(a later decision on the same risk) cancels the earlier one's review", e => Cancel(RuleId.ReviewRiskDecision,
                CountryRiskSubject(e.Data.RiskId, e.Data.ProjectId), $"Superseded by the decision of {e.Data.DecidedOn:yyyy-MM-dd} ({e.Data.Decision})"))
            .OpensOn<CountryRiskDecided>("other than Withdraw", e => e.Data.ReviewOn is { } reviewOn
                ? Open(RuleId.ReviewRiskDecision, CountryRiskSubject(e.Data.RiskId, e.Data.ProjectId),
                    $"Review the country-risk decision ({e.Data.Decision}, {e.Data.DecidedOn:yyyy-MM-dd})", reviewOn, ProjectDesk, e.Data.ProjectId, repeatKey: e.Data.DecisionId)
                : null);

        // The hotline's deadlines as tasks of the desk (then the assigned officer), closed when met. Only a
        // case's own stream opens them: legacy copies of these events on project streams are ignored.
        table.Add(RuleId.FirstResponse, "First response", $"`{HotlineDesk}`, then the assigned officer", "the case's first-response due time (Tokyo day)")
            .OpensOn<TroubleReported>("on the case's own stream", e => e.Data.TroubleId == e.StreamId
                ? Open(RuleId.FirstResponse, e.Data.TroubleId, $"First response to {e.Data.Reporter.Company}: {e.Data.Summary}",
                    TokyoTime.DateOf(e.Data.Dues.FirstResponseDue), HotlineDesk, e.Data.ProjectId, e.Data.TroubleId)
                : null)
            .Then<TroubleTriaged>("completes it", e => Complete(RuleId.FirstResponse, e.Data.TroubleId, "Triaged"))
            .Then<AgencyConsulted>("completes it", e => Complete(RuleId.FirstResponse, e.Data.TroubleId, $"{e.Data.Agency} consulted"))
            .Then<TroubleNoteAdded>("(a shared hotline note) completes it", e => e.Data is { ByCompany: false, Visibility: NoteVisibility.Shared } n
                ? Complete(RuleId.FirstResponse, n.TroubleId, "Answered the company")
                : null)
            .Then<TroubleAssigned>("reassigns it to the officer", e => new ReassignTasks(RuleId.FirstResponse, e.Data.TroubleId, e.Data.Officer))
            .Then<TroubleResolved>("completes it", e => Complete(RuleId.FirstResponse, e.Data.TroubleId, "Resolved"));

        table.Add(RuleId.Resolution, "Resolution", $"`{HotlineDesk}`, then the assigned officer", "the case's resolution due time (Tokyo day)")
            .OpensOn<TroubleReported>("on the case's own stream", e => e.Data.TroubleId == e.StreamId
                ? Open(RuleId.Resolution, e.Data.TroubleId, $"Resolve: {e.Data.Summary}", TokyoTime.DateOf(e.Data.Dues.ResolutionDue), HotlineDesk, e.Data.ProjectId, e.Data.TroubleId)
                : null)
            .OpensOn<TroubleReopened>("on the case's own stream (a new task each time)", e => e.Data.TroubleId == e.StreamId
                ? Open(RuleId.Resolution, e.Data.TroubleId, $"Resolve the reopened case: {e.Data.Reason}", TokyoTime.DateOf(e.Data.ResolutionDue), HotlineDesk,
                    e.Data.ProjectId, e.Data.TroubleId, repeatKey: e.Id)
                : null)
            .Then<TroubleTriaged>("moves it to the new priority's due time", e => new MoveTasks(RuleId.Resolution, e.Data.TroubleId, TokyoTime.DateOf(e.Data.Dues.ResolutionDue), $"Triaged as {e.Data.Priority}"))
            .Then<TroubleAssigned>("reassigns it to the officer", e => new ReassignTasks(RuleId.Resolution, e.Data.TroubleId, e.Data.Officer))
            .Then<TroubleResolved>("completes it", e => Complete(RuleId.Resolution, e.Data.TroubleId, $"Resolved ({e.Data.Outcome})"));
        return table;
    }

    private static OpenTask Open(RuleId rule, Guid subject, string title, DateOnly dueOn, string owner, Guid? projectId, Guid? troubleId = null,
        Guid? repeatKey = null, DateOnly? factOn = null) =>
        new(rule, subject, $"{rule.Key}:{subject}:{repeatKey}", title, dueOn, owner, projectId, troubleId, factOn);

    /// <summary>The tender's deadline; else 30 days after it opened; else (opening not known) 30 days after it was recorded.</summary>
    private static DateOnly ConfirmBiddersDue(TenderOpened t, DateTimeOffset recordedAt) =>
        t.Deadline ?? (t.OpenedOn?.Start ?? TokyoTime.DateOf(recordedAt)).AddDays(30);

    private static CloseTasks Complete(RuleId rule, Guid subject, string reason) => new(rule, subject, false, reason);

    private static CloseTasks Cancel(RuleId rule, Guid subject, string reason) => new(rule, subject, true, reason);

    /// <summary>The subject of a project's country-risk tasks: that project under that risk.</summary>
    public static Guid CountryRiskSubject(Guid riskId, Guid projectId) => NameBasedGuid.Create(riskId, projectId.ToString());

    private static string Words(CountryRiskKind kind) => kind switch
    {
        CountryRiskKind.SovereignDefault => "sovereign default",
        CountryRiskKind.PolicyChange => "policy change",
        CountryRiskKind.Other => "country risk",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Words(TouchpointKind kind) => kind == TouchpointKind.TopSales ? "top-sales visit" : "policy dialogue";
}
