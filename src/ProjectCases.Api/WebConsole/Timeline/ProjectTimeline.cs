using JasperFx.Events;
using ProjectCases.Audit;
using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;
using ProjectCases.Troubles;

namespace ProjectCases.WebConsole.Timeline;

/// <summary>One recorded fact as the case file shows it: what, its business date, its details, who recorded it and when.</summary>
public sealed record TimelineLine(long Version, DateTimeOffset RecordedAt, string? RecordedBy, string Title, BusinessDate? On,
    IReadOnlyList<(string Label, string Value)> Details)
{
    /// <summary>Shown with its corrected values (the correction is in the history).</summary>
    public bool Corrected { get; init; }
    /// <summary>A fact that counts now and can be voided or corrected (not the registration, not a trouble line).</summary>
    public bool Correctable { get; init; }
    /// <summary>For an engagement's line: the engagement, whose own page corrects it.</summary>
    public Guid? EngagementId { get; init; }
}

/// <summary>
/// Turns a project stream's events into timeline lines in the current language. Trouble cases (also recorded on
/// the project's stream) only for readers of trouble cases; an event type this does not know still shows, by name.
/// The timeline is the corrected view (ProjectRecord, as the API's status and reports): a voided fact is gone, a
/// corrected one shows its corrected values at its place; the corrections themselves are in the history.
/// </summary>
public static class ProjectTimeline
{
    public static IReadOnlyList<TimelineLine> Of(IReadOnlyList<IEvent> events, Display d, bool showTroubles, ProjectRecord? record = null)
    {
        record ??= ProjectRecord.Of(events.Count > 0 ? events[0].StreamId : Guid.Empty, events.Select(e => (e.Version, e.Data)));
        var links = Engagements.EngagementLinks.Of(events.Select(e => e.Data));
        return [.. events
            .Where(e => showTroubles || !IsTrouble(e.Data))
            .Where(e => e.Data is not (FactVoided or FactCorrected or ProjectVoided) && !record.VoidedVersions.Contains(e.Version))
            // An engagement shows once, where it was first linked, with its values as they count now; a voided one (or one
            // corrected to other projects) not at all. Its link's changes are in the history.
            .Where(e => e.Data is not (Engagements.EngagementLinkCorrected or Engagements.EngagementUnlinked))
            .Where(e => e.Data is not Engagements.EngagementLinked l || links.TryGetValue(l.EngagementId, out var c) && FirstLink(events, e, l.EngagementId))
            .Select(e => e.Data is Engagements.EngagementLinked l ? EngagementLine(e, d, links[l.EngagementId]) : Line(e, d, record.Find(e.Version)))];
    }

    /// <summary>Whether <paramref name="e"/> is the first link of the engagement on this stream (a correction may link it again later).</summary>
    private static bool FirstLink(IReadOnlyList<IEvent> events, IEvent e, Guid engagementId) =>
        events.First(x => x.Data is Engagements.EngagementLinked l && l.EngagementId == engagementId).Version == e.Version;

    private static TimelineLine EngagementLine(IEvent e, Display d, Engagements.CurrentLink current)
    {
        var (title, on, details) = Describe(current.Link, d);
        return new TimelineLine(e.Version, e.Timestamp, RecordedByName.Of(e) ?? e.UserName, title, on, details)
        {
            Corrected = current.Corrected,
            EngagementId = current.Link.EngagementId,
        };
    }

    private static bool IsTrouble(object data) => data is TroubleReported or TroubleClosed or TroubleReopened;

    private static TimelineLine Line(IEvent e, Display d, CountedFact? counted)
    {
        var (title, on, details) = Describe(counted?.Fact.Value ?? e.Data, d);
        return new TimelineLine(e.Version, e.Timestamp, RecordedByName.Of(e) ?? e.UserName, title, on, details)
        {
            Corrected = counted?.Corrected == true,
            Correctable = counted is not null,
        };
    }

    private static (string, BusinessDate?, IReadOnlyList<(string, string)>) Describe(object data, Display d)
    {
        string L(string key) => d.Text(key);
        return data switch
        {
            ProjectRegistered r => (L("Event.ProjectRegistered"), null,
                Present((L("Field.Name"), r.Name), (L("Field.NameJa"), r.NameJa), (L("Field.Country"), r.Country),
                    (L("Field.Sector"), d.Enum(r.Sector)), (L("Field.Financing"), d.Enum(r.Financing)),
                    (L("Field.LeadAgency"), r.LeadAgency), (L("Field.Summary"), r.Summary))),
            TouchpointLogged t => (d.Enum(t.Kind), t.OccurredOn,
                Present((L("Field.JapanLevel"), d.Enum(t.JapanLevel)), (L("Field.Counterpart"), t.Counterpart),
                    (L("Field.Location"), t.Location), (L("Field.Summary"), t.Summary), (L("Field.Outcome"), t.Outcome),
                    (L("Field.AlsoFor"), t.ProjectIds.Count > 1 ? string.Format(L("Timeline.OtherProjects"), t.ProjectIds.Count - 1) : null))),
            TouchpointOutcomeRecorded o => (L("Event.TouchpointOutcomeRecorded"), o.RecordedOn, Present((L("Field.Outcome"), o.Outcome))),
            StudyStarted s => (L("Event.StudyStarted"), s.StartedOn,
                Present((L("Field.StudyType"), d.Enum(s.StudyType)), (L("Field.ConductedBy"), s.ConductedBy), (L("Field.Summary"), s.Summary))),
            StudyCompleted s => (L("Event.StudyCompleted"), s.CompletedOn, Present((L("Field.Findings"), s.Findings))),
            AgreementSigned a => (L("Event.AgreementSigned"), a.SignedOn,
                Present((L("Field.AgreementType"), d.Enum(a.AgreementType)), (L("Field.Level"), d.Enum(a.Level)),
                    (L("Field.Title"), a.Title), (L("Field.Parties"), string.Join(", ", a.Parties)), (L("Field.Tranche"), a.Tranche))),
            TenderOpened t => (L("Event.TenderOpened"), t.OpenedOn,
                Present((L("Field.Package"), t.Package), (L("Field.TenderType"), d.Enum(t.TenderType)), (L("Field.Deadline"), t.Deadline is null ? null : d.Date(t.Deadline)))),
            JapaneseBidsRecorded b => (L("Event.JapaneseBidsRecorded"), b.SubmittedOn, Present((L("Field.Bidders"), string.Join(", ", b.Bidders)))),
            ContractAwarded a => (L("Event.ContractAwarded"), a.AwardedOn,
                Present((L("Field.Package"), a.Package), (L("Field.Winner"), a.Winner),
                    (L("Field.JapaneseWinner"), a.JapaneseWinner ? L("Yes") : L("No")), (L("Field.AwardType"), d.Enum(a.AwardType)),
                    (L("Field.Scope"), d.Enum(a.Scope)), (L("Field.Amount"), a.Amount is null ? L("Undisclosed") : $"{Display.Number(a.Amount.Value)} {a.Amount.Currency}"),
                    (L("Field.AmountJpy"), a.AmountJpy is null ? null : Display.Yen(a.AmountJpy)))),
            TenderFailed f => (L("Event.TenderFailed"), f.On, Present((L("Field.Reason"), d.Enum(f.Reason)))),
            ProjectStatusChanged s => (L("Event.ProjectStatusChanged"), s.EffectiveOn,
                Present((L("Field.Status"), d.Enum(s.Status)), (L("Field.Reason"), s.Reason))),
            TroubleReported t => (L("Event.TroubleReported"), t.OccurredOn,
                Present((L("Field.Category"), d.Enum(t.Category)), (L("Field.Summary"), t.Summary), (L("Field.Company"), t.Reporter.Company))),
            Engagements.EngagementLinked x => (L("Event.EngagementLinked"), x.On,
                Present((L("Field.Kind"), x.Touchpoint is { } tp ? d.Enum(tp.Kind) : d.Enum(x.Agreement!.AgreementType)),
                    (L("Field.Ministry"), d.Enum(x.Ministry)), (L("Field.Country"), x.Country),
                    (L("Field.Counterpart"), x.Touchpoint?.Counterpart), (L("Field.Title"), x.Agreement?.Title),
                    (L("Field.Parties"), x.Agreement is { } a ? string.Join(", ", a.Parties) : null),
                    (L("Field.Summary"), x.Touchpoint?.Summary), (L("Field.Outcome"), x.Touchpoint?.Outcome))),
            CountryRisks.CountryRiskLinked r => (L("Event.CountryRiskLinked"), r.LinkedOn,
                Present((L("Field.Country"), r.Country), (L("Field.Kind"), d.Enum(r.Kind)), (L("Field.Severity"), d.Enum(r.Severity)),
                    (L("Field.Summary"), r.RiskSummary))),
            CountryRisks.CountryRiskDecided r => (L("Event.CountryRiskDecided"), r.DecidedOn,
                Present((L("Field.Decision"), d.Enum(r.Decision)), (L("Field.Reason"), r.Reason), (L("Field.DecidedBy"), d.Enum(r.DecidedBy)),
                    (L("Field.ReviewOn"), r.ReviewOn is null ? null : d.Date(r.ReviewOn)))),
            Documents.DocumentAttached a => (L("Event.DocumentAttached"), null,
                Present((L("Field.Title"), a.Title), (L("Documents.File"), a.FileName))),
            TroubleClosed => (L("Event.TroubleClosed"), null, []),
            TroubleReopened r => (L("Event.TroubleReopened"), null, Present((L("Field.Reason"), r.Reason))),
            _ => (data.GetType().Name, null, []),
        };
    }

    private static IReadOnlyList<(string, string)> Present(params (string Label, string? Value)[] details) =>
        [.. details.Where(x => !string.IsNullOrWhiteSpace(x.Value)).Select(x => (x.Label, x.Value!))];
}
