namespace ProjectCases.Projects;

// The events of a project stream (one stream per overseas project, keyed by the project id).
// Facts only, in the past tense; who recorded them and when is event metadata, never a field.
// Stored names are fixed in ProjectsSetup.MapEventTypes: never rename one without a mapping.
// Business dates are BusinessDate (a day, a month or a fiscal year, as the source gives it). They were DateOnly
// before; both are stored as the same text ("2024-05-01"), so older events read unchanged as day precision.

/// <summary>Country is the primary country. Countries (all of them, primary first) and Ministry came with
/// projects v2: events stored before them load with null, read as [Country] and no ministry.</summary>
public sealed record ProjectRegistered(
    Guid ProjectId, string Name, string? NameJa, string Country, Sector Sector, Financing Financing,
    string? LeadAgency, string? Summary, IReadOnlyList<string>? Countries = null, Ministry? Ministry = null)
{
    public IReadOnlyList<string> AllCountries() => Countries is { Count: > 0 } all ? all : [Country];
}

/// <summary>One touchpoint may concern several projects: the same event, with the same
/// TouchpointId, is appended to each of them (ProjectIds lists them all), so reports count it once.</summary>
public sealed record TouchpointLogged(
    Guid ProjectId, Guid TouchpointId, TouchpointKind Kind, BusinessDate OccurredOn, JapanLevel JapanLevel,
    string Counterpart, string? Location, string Summary, string? Outcome, IReadOnlyList<Guid> ProjectIds, Guid? CounterpartId = null);

public sealed record TouchpointOutcomeRecorded(Guid ProjectId, Guid TouchpointId, string Outcome, DateOnly RecordedOn);

/// <summary>StartedOn is null only for a study known from its completion alone (sample data); the API requires it.</summary>
public sealed record StudyStarted(Guid ProjectId, Guid StudyId, StudyType StudyType, BusinessDate? StartedOn, string? ConductedBy, string? Summary);

public sealed record StudyCompleted(Guid ProjectId, Guid StudyId, BusinessDate CompletedOn, string? Findings);

public sealed record AgreementSigned(
    Guid ProjectId, Guid AgreementId, AgreementType AgreementType, AgreementLevel Level, string Title,
    IReadOnlyList<string> Parties, BusinessDate SignedOn, string? Tranche, IReadOnlyList<Guid>? PartyIds = null);

/// <summary>OpenedOn is null when the source does not say when the tender opened.</summary>
public sealed record TenderOpened(Guid ProjectId, Guid TenderId, string Package, TenderType TenderType, BusinessDate? OpenedOn, DateOnly? Deadline);

public sealed record JapaneseBidsRecorded(Guid ProjectId, Guid TenderId, IReadOnlyList<string> Bidders, BusinessDate SubmittedOn, IReadOnlyList<Guid>? BidderIds = null);

/// <summary>An award, through a tracked tender (TenderId) or without one (priority negotiation,
/// direct negotiation, G2G). Amount and AmountJpy are both present or both absent (undisclosed).</summary>
public sealed record ContractAwarded(
    Guid ProjectId, Guid AwardId, Guid? TenderId, string Package, string? Winner, bool JapaneseWinner,
    AwardType AwardType, AwardScope Scope, Money? Amount, decimal? AmountJpy, BusinessDate AwardedOn, Guid? WinnerId = null);

public sealed record TenderFailed(Guid ProjectId, Guid TenderId, TenderFailureReason Reason, BusinessDate On);

public sealed record ProjectStatusChanged(Guid ProjectId, ProjectStatusValue Status, string Reason, BusinessDate EffectiveOn);
