using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using ProjectCases.Projects.Corrections;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.CountryRisks;
using ProjectCases.Troubles;

namespace ProjectCases.Projects.Status;

/// <summary>Folds a project stream into its ProjectStatus. Pure: no clock, no lookups.</summary>
public sealed class ProjectStatusProjection : SingleStreamProjection<ProjectStatus, Guid>
{
    public ProjectStatusProjection() => Folds.IncludeIn(this, startedBy: typeof(ProjectRegistered));

    /// <summary>The events of this stream type (the allow-list above): the write model's inline projection includes the same.</summary>
    public static IReadOnlyList<Type> StreamEvents => Folds.EventTypes(typeof(ProjectRegistered));

    /// <summary>
    /// Explicit fold. A snapshot starts only from ProjectRegistered, so the trouble events of the legacy
    /// table entries below never turn a trouble-case stream into a project.
    /// </summary>
    private static ProjectStatus? Step(ProjectStatus? snapshot, IEvent e)
    {
        if (snapshot is null) return e.Data is ProjectRegistered registered ? Start(registered, e.Timestamp) : null;
        Fold(snapshot, e.Data);
        snapshot.Version = e.Version;
        return snapshot;
    }

    /// <summary>
    /// A correction refolds the project from the corrected view of its earlier events (a voided fact may have
    /// moved a date or the stage; undoing it step by step would duplicate every fold), and so does a change of an
    /// engagement link (a corrected engagement date may move the last activity back; an unlinked one leaves).
    /// These are rare, so they alone read the stream again; time travel to a version before one shows the original.
    /// </summary>
    public override async ValueTask<ProjectStatus?> EvolveAsync(ProjectStatus? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (snapshot is null || e.Data is not (FactVoided or FactCorrected or Engagements.EngagementLinkCorrected or Engagements.EngagementUnlinked))
            return Step(snapshot, e);
        var events = await CorrectedStream.UpToAsync(session, id, e, cancellation);
        var project = Refold(events, snapshot.RegisteredAt);
        project.Voided = snapshot.Voided;
        project.VoidReason = snapshot.VoidReason;
        project.Corrections = e.Data is FactVoided or FactCorrected ? [.. snapshot.Corrections, Correction(e)] : snapshot.Corrections;
        project.Version = e.Version;
        return project;
    }

    /// <summary>
    /// The project folded from the corrected view of <paramref name="events"/>, in recording order: each fact with its
    /// corrected values (voided ones left out), each engagement still linked with its current values at the place it
    /// was linked, and every other event (country risks, documents) as recorded.
    /// </summary>
    public static ProjectStatus Refold(IReadOnlyList<IEvent> events, DateTimeOffset registeredAt)
    {
        var record = ProjectRecord.Of(events[0].StreamId, events.Select(x => (x.Version, x.Data)));
        var links = Engagements.EngagementLinks.Of(events.Select(x => x.Data));
        var project = Start(events.Select(x => x.Data).OfType<ProjectRegistered>().First(), registeredAt);
        foreach (var x in events)
        {
            switch (x.Data)
            {
                case ProjectRegistered or FactVoided or FactCorrected or ProjectVoided
                    or Engagements.EngagementLinkCorrected or Engagements.EngagementUnlinked:
                    break;
                case Engagements.EngagementLinked link:
                    if (links.TryGetValue(link.EngagementId, out var current)) Fold(project, current.Link);
                    break;
                case var data when ProjectFact.Of(data) is not null:
                    if (record.Find(x.Version) is { } fact) Fold(project, fact.Fact.Value);
                    break;
                default:
                    Fold(project, x.Data);
                    break;
            }
        }
        return project;
    }

    private static CorrectionEntry Correction(IEvent e) => e.Data switch
    {
        FactVoided x => new CorrectionEntry(x.Version, "voided", x.Original.Value.GetType().Name, x.Reason, e.Version, e.UserName, e.Timestamp),
        FactCorrected x => new CorrectionEntry(x.Version, "corrected", x.Original.Value.GetType().Name, x.Reason, e.Version, e.UserName, e.Timestamp),
        _ => throw new ArgumentOutOfRangeException(nameof(e), "not a correction"),
    };

    public static ProjectStatus Start(ProjectRegistered e, DateTimeOffset recordedAt) => new()
    {
        Id = e.ProjectId,
        Name = e.Name,
        NameJa = e.NameJa,
        Country = e.Country,
        Countries = [.. e.AllCountries()],
        Region = Countries.RegionOf(e.Country),
        Sector = e.Sector,
        Financing = e.Financing,
        LeadAgency = e.LeadAgency,
        Ministry = e.Ministry,
        Summary = e.Summary,
        RegisteredAt = recordedAt,
        RegisteredOn = TokyoTime.DateOf(recordedAt),
        Version = 1,
    };

    /// <summary>What each event after ProjectRegistered does to the project; also the projection's event allow-list.</summary>
    private static readonly EventFolds<ProjectStatus> Folds = new EventFolds<ProjectStatus>()
        .On<TouchpointLogged>(On)
        .On<TouchpointOutcomeRecorded>(On)
        .On<StudyStarted>(On)
        .On<StudyCompleted>(On)
        .On<AgreementSigned>(On)
        .On<TenderOpened>(On)
        .On<JapaneseBidsRecorded>(On)
        .On<ContractAwarded>(On)
        .On<TenderFailed>(On)
        .On<ProjectStatusChanged>(On)
        .On<CountryRiskLinked>(On)
        .On<CountryRiskDecided>(On)
        .On<Documents.DocumentAttached>(static (_, _) => { }) // listed by DocumentInfo; here only so the version follows the stream
        .On<Engagements.EngagementLinked>(On)
        // Changes of an engagement's link refold the project in EvolveAsync; these folds keep a plain replay right too.
        .On<Engagements.EngagementLinkCorrected>(On)
        .On<Engagements.EngagementUnlinked>(static (e, p) => p.Engagements.RemoveAll(x => x.EngagementId == e.EngagementId))
        // Corrections of facts are folded by EvolveAsync (they refold the project); listed here for the allow-list.
        .On<FactVoided>(static (_, _) => { })
        .On<FactCorrected>(static (_, _) => { })
        .On<ProjectVoided>(static (e, p) => { p.Voided = true; p.VoidReason = e.Reason; })
        // Legacy: before each stream owned its events, these were copied onto the project's stream. The
        // copies still count in the stream's version (so they stay in the allow-list: Version follows the
        // stream) but change nothing; the open-trouble count is read from the cases (OpenTroubles).
        // docs/operations.md, "Upgrading a database with trouble copies".
        .On<TroubleReported>(LegacyCopy)
        .On<TroubleReopened>(LegacyCopy)
        .On<TroubleClosed>(LegacyCopy);

    private static void LegacyCopy(object copy, ProjectStatus p) { }

    /// <summary>Folds one event into the project (also used in memory, e.g. when seeding sample data).</summary>
    public static void Fold(ProjectStatus p, object e) => Folds.Apply(p, e);

    private static void On(TouchpointLogged e, ProjectStatus p)
    {
        p.TouchpointCount++;
        p.Touchpoints.Add(new TouchpointEntry(e.TouchpointId, e.Kind, e.OccurredOn, e.Outcome is not null, e.CounterpartId));
        Names(p, e.CounterpartId);
        p.LatestTouchpointOn = Later(p.LatestTouchpointOn, e.OccurredOn);
        Touch(p, e.OccurredOn);
    }

    private static void On(TouchpointOutcomeRecorded e, ProjectStatus p)
    {
        var index = p.Touchpoints.FindIndex(t => t.TouchpointId == e.TouchpointId);
        if (index >= 0) p.Touchpoints[index] = p.Touchpoints[index] with { HasOutcome = true };
        Touch(p, e.RecordedOn);
    }

    private static void On(StudyStarted e, ProjectStatus p)
    {
        p.Studies.Add(new StudyEntry(e.StudyId, e.StudyType, e.StartedOn, null));
        if (e.StartedOn is not { } on) return;
        p.LatestStudyOn = Later(p.LatestStudyOn, on);
        Touch(p, on);
    }

    private static void On(StudyCompleted e, ProjectStatus p)
    {
        var index = p.Studies.FindIndex(s => s.StudyId == e.StudyId);
        if (index >= 0) p.Studies[index] = p.Studies[index] with { CompletedOn = e.CompletedOn };
        p.LatestStudyOn = Later(p.LatestStudyOn, e.CompletedOn);
        Touch(p, e.CompletedOn);
    }

    private static void On(AgreementSigned e, ProjectStatus p)
    {
        p.AgreementCount++;
        if (e.Level == AgreementLevel.Political) p.PoliticalAgreementCount++;
        else p.AdministrativeAgreementCount++;
        p.LatestAgreementOn = Later(p.LatestAgreementOn, e.SignedOn);
        Names(p, [.. e.PartyIds ?? []]);
        Touch(p, e.SignedOn);
    }

    private static void On(TenderOpened e, ProjectStatus p)
    {
        p.Tenders.Add(new TenderEntry(e.TenderId, e.Package, e.TenderType, e.OpenedOn, e.Deadline, TenderState.Open, []));
        if (e.OpenedOn is { } on) Touch(p, on);
    }

    private static void On(JapaneseBidsRecorded e, ProjectStatus p)
    {
        UpdateTender(p, e.TenderId, t => t with { JapaneseBidders = [.. t.JapaneseBidders, .. e.Bidders.Except(t.JapaneseBidders)] });
        Names(p, [.. e.BidderIds ?? []]);
        Touch(p, e.SubmittedOn);
    }

    private static void On(ContractAwarded e, ProjectStatus p)
    {
        if (e.TenderId is { } tenderId) UpdateTender(p, tenderId, t => t with { State = TenderState.Awarded });
        p.Awards.Add(new AwardEntry(e.AwardId, e.TenderId, e.Package, e.Winner, e.JapaneseWinner, e.AwardType, e.Scope,
            e.Amount, e.AmountJpy, e.AwardedOn, e.WinnerId));
        Names(p, e.WinnerId);
        Touch(p, e.AwardedOn);
    }

    /// <summary>Remembers the organisations a fact names, once each.</summary>
    private static void Names(ProjectStatus p, params Guid?[] ids)
    {
        foreach (var id in ids)
            if (id is { } named && !p.OrganisationIds.Contains(named)) p.OrganisationIds.Add(named);
    }

    private static void On(TenderFailed e, ProjectStatus p)
    {
        UpdateTender(p, e.TenderId, t => t with { State = TenderState.Failed });
        Touch(p, e.On);
    }

    private static void On(ProjectStatusChanged e, ProjectStatus p)
    {
        p.Status = e.Status;
        p.StatusEffectiveOn = e.EffectiveOn;
        Touch(p, e.EffectiveOn);
    }

    private static void On(CountryRiskLinked e, ProjectStatus p)
    {
        if (p.RiskIds.Contains(e.RiskId)) return;
        p.RiskIds.Add(e.RiskId);
        p.Risks.Add(new ProjectRiskEntry(e.RiskId, e.Country, e.Kind, e.Severity, e.RiskSummary, e.LinkedOn, null, null, null, null, null));
    }

    private static void On(CountryRiskDecided e, ProjectStatus p)
    {
        var index = p.Risks.FindIndex(r => r.RiskId == e.RiskId);
        if (index >= 0)
            p.Risks[index] = p.Risks[index] with { DecisionId = e.DecisionId, Decision = e.Decision, DecisionReason = e.Reason, DecidedOn = e.DecidedOn, ReviewOn = e.ReviewOn };
        Touch(p, e.DecidedOn);
    }

    /// <summary>A country-level engagement that concerns this project: listed and dated, never counted here (the engagement counts itself).</summary>
    private static void On(Engagements.EngagementLinked e, ProjectStatus p)
    {
        if (p.Engagements.Exists(x => x.EngagementId == e.EngagementId)) return;
        p.Engagements.Add(new EngagementEntry(e.EngagementId, e.Touchpoint is null ? "agreement" : "touchpoint", e.Touchpoint?.Kind,
            e.Agreement?.AgreementType, e.Ministry, e.On));
        Touch(p, e.On);
    }

    /// <summary>In a plain replay: the entry takes the corrected values (EvolveAsync refolds instead, so the last activity can move back).</summary>
    private static void On(Engagements.EngagementLinkCorrected e, ProjectStatus p)
    {
        p.Engagements.RemoveAll(x => x.EngagementId == e.EngagementId);
        On(e.AsLink(), p);
    }

    private static void UpdateTender(ProjectStatus p, Guid tenderId, Func<TenderEntry, TenderEntry> change)
    {
        var index = p.Tenders.FindIndex(t => t.TenderId == tenderId);
        if (index >= 0) p.Tenders[index] = change(p.Tenders[index]);
    }

    /// <summary>Every fact moves the last-activity date forward (by business date) and may move the stage.</summary>
    private static void Touch(ProjectStatus p, BusinessDate on)
    {
        p.LatestFactOn = Later(p.LatestFactOn, on.Start);
        p.Stage = ProjectStages.Derive(p);
    }

    private static DateOnly? Later(DateOnly? current, DateOnly candidate) =>
        current is { } c && c >= candidate ? c : candidate;

    /// <summary>The later of two business dates by their start, kept as given ("2019-05" stays a month).</summary>
    private static BusinessDate? Later(BusinessDate? current, BusinessDate candidate) =>
        current is { } c && c >= candidate ? c : candidate;
}
