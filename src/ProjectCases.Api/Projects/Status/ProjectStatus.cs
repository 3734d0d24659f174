using ProjectCases.Infrastructure.Json;

namespace ProjectCases.Projects.Status;

/// <summary>
/// A project as it stands: the read model of GET /api/projects/{id}, and also the state that project
/// commands decide against (kept inline, so a write reads one row). Built only from the project's events
/// by ProjectStatusProjection; the same code answers time travel (?asOf, ?version).
/// </summary>
public sealed class ProjectStatus
{
    public Guid Id { get; set; }
    /// <summary>The stream version, set by Marten; also the ETag.</summary>
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string? NameJa { get; set; }
    /// <summary>The primary country (the first of <see cref="Countries"/>); kept for clients before projects v2.</summary>
    public string Country { get; set; } = "";
    /// <summary>Every country of the project, primary first.</summary>
    public List<string> Countries { get; set; } = [];
    public string Region { get; set; } = "";
    public Sector Sector { get; set; }
    public Financing Financing { get; set; }
    public string? LeadAgency { get; set; }
    public Ministry? Ministry { get; set; }
    public string? Summary { get; set; }
    public ProjectStage Stage { get; set; } = ProjectStage.Discovery;
    public ProjectStatusValue? Status { get; set; }
    public BusinessDate? StatusEffectiveOn { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    public int TouchpointCount { get; set; }
    public BusinessDate? LatestTouchpointOn { get; set; }
    public List<TouchpointEntry> Touchpoints { get; set; } = [];

    public int StudyCount => Studies.Count;
    public BusinessDate? LatestStudyOn { get; set; }
    public List<StudyEntry> Studies { get; set; } = [];

    public int AgreementCount { get; set; }
    public int PoliticalAgreementCount { get; set; }
    public int AdministrativeAgreementCount { get; set; }
    public BusinessDate? LatestAgreementOn { get; set; }

    public List<TenderEntry> Tenders { get; set; } = [];
    public int OpenTenderCount => Tenders.Count(t => t.State == TenderState.Open);
    public int AwardedTenderCount => Tenders.Count(t => t.State == TenderState.Awarded);
    public int FailedTenderCount => Tenders.Count(t => t.State == TenderState.Failed);

    public List<AwardEntry> Awards { get; set; } = [];

    /// <summary>Every country risk the project was linked to, with the decision taken on it (folded from this stream).</summary>
    public List<ProjectRiskEntry> Risks { get; set; } = [];
    /// <summary>The ids of Risks, for the risk's own reads (which projects does it affect?).</summary>
    public List<Guid> RiskIds { get; set; } = [];
    /// <summary>Every organisation a fact of the project names by id (counterparts, parties, bidders, winners): the organisation page's projects.</summary>
    public List<Guid> OrganisationIds { get; set; } = [];
    /// <summary>The linked risks still open, with their current severity: filled per read from the risks (their own streams).</summary>
    [NotStored] public List<ProjectRiskEntry> OpenRisks { get; set; } = [];

    /// <summary>Engagements of a country partnership linked to this project (POST /api/engagements), in the order recorded.</summary>
    public List<EngagementEntry> Engagements { get; set; } = [];

    /// <summary>Filled per read from the trouble cases (OpenTroubles); never folded from this stream.</summary>
    [NotStored] public int OpenTroubleCount { get; set; }
    [NotStored] public int OpenFollowUpCount { get; set; }
    [NotStored] public DateOnly? NextFollowUpDueOn { get; set; }
    /// <summary>Registered by mistake (POST /api/projects/{id}/void): left out of lists and reports; history stays readable.</summary>
    public bool Voided { get; set; }
    public string? VoidReason { get; set; }
    /// <summary>The corrections made so far, newest last; the values above already count them (the corrected view).</summary>
    public List<CorrectionEntry> Corrections { get; set; } = [];
    /// <summary>The latest business date of any fact on record (touchpoint, study, agreement, tender, award, status), as a
    /// day: a month or fiscal-year date counts from its first day (BusinessDate.Start), so lists can sort and filter on it.</summary>
    public DateOnly? LatestFactOn { get; set; }
    /// <summary>The Tokyo date the project was registered (recording time).</summary>
    public DateOnly RegisteredOn { get; set; }
    /// <summary>The latest fact's business date, or the registration date while there is none.</summary>
    public DateOnly LastActivityOn => LatestFactOn ?? RegisteredOn;
}

public sealed record ProjectRiskEntry(
    Guid RiskId, string Country, CountryRisks.CountryRiskKind Kind, CountryRisks.CountryRiskSeverity Severity, string RiskSummary, DateOnly LinkedOn,
    Guid? DecisionId, CountryRisks.RiskDecisionKind? Decision, string? DecisionReason, DateOnly? DecidedOn, DateOnly? ReviewOn);

/// <summary>A correction of the fact recorded at FactVersion: "voided" or "corrected", at CorrectionVersion, by whom and when.</summary>
public sealed record CorrectionEntry(long FactVersion, string Kind, string FactType, string Reason, long CorrectionVersion, string? By, DateTimeOffset At);

public sealed record EngagementEntry(
    Guid EngagementId, string Type, TouchpointKind? Kind, AgreementType? AgreementType, Ministry Ministry, DateOnly On);

public sealed record TouchpointEntry(Guid TouchpointId, TouchpointKind Kind, BusinessDate OccurredOn, bool HasOutcome, Guid? CounterpartId = null);

public sealed record StudyEntry(Guid StudyId, StudyType StudyType, BusinessDate? StartedOn, BusinessDate? CompletedOn);

public enum TenderState { Open, Awarded, Failed }

public sealed record TenderEntry(
    Guid TenderId, string Package, TenderType TenderType, BusinessDate? OpenedOn, DateOnly? Deadline, TenderState State,
    IReadOnlyList<string> JapaneseBidders);

public sealed record AwardEntry(
    Guid AwardId, Guid? TenderId, string Package, string? Winner, bool JapaneseWinner, AwardType AwardType, AwardScope Scope,
    Money? Amount, decimal? AmountJpy, BusinessDate AwardedOn, Guid? WinnerId = null);
