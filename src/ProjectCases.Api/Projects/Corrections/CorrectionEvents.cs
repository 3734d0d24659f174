namespace ProjectCases.Projects.Corrections;

// Corrections are new facts about earlier facts: the original event is never edited. Each names the
// original by the stream version it was recorded at, and carries the fact as it counted just before
// (Original), so that the report projections can take it out again without reading the stream.

/// <summary>The fact recorded at <paramref name="Version"/> no longer counts (recorded by mistake).</summary>
public sealed record FactVoided(Guid ProjectId, long Version, string Reason, ProjectFact Original);

/// <summary>The fact recorded at <paramref name="Version"/> counts with the values of <paramref name="Corrected"/> from now on.</summary>
public sealed record FactCorrected(Guid ProjectId, long Version, string Reason, ProjectFact Original, ProjectFact Corrected);

/// <summary>The project was registered by mistake: hidden from lists and reports; <paramref name="Withdrawn"/>
/// are the facts that counted for it until then (the reports take them out).</summary>
public sealed record ProjectVoided(Guid ProjectId, string Reason, IReadOnlyList<ProjectFact> Withdrawn);

/// <summary>
/// One project fact as a value inside a correction event: exactly one member is set. A plain record of
/// optional members (not serializer polymorphism), so that the stored JSON reads the same for every
/// consumer of the event feed: <c>{ "contractAwarded": { ... } }</c>.
/// </summary>
public sealed record ProjectFact(
    TouchpointLogged? TouchpointLogged = null,
    TouchpointOutcomeRecorded? TouchpointOutcomeRecorded = null,
    StudyStarted? StudyStarted = null,
    StudyCompleted? StudyCompleted = null,
    AgreementSigned? AgreementSigned = null,
    TenderOpened? TenderOpened = null,
    JapaneseBidsRecorded? JapaneseBidsRecorded = null,
    ContractAwarded? ContractAwarded = null,
    TenderFailed? TenderFailed = null,
    ProjectStatusChanged? ProjectStatusChanged = null)
{
    /// <summary>The fact itself (the one member that is set).</summary>
    public object Value =>
        (object?)TouchpointLogged ?? (object?)TouchpointOutcomeRecorded ?? (object?)StudyStarted ?? (object?)StudyCompleted
        ?? (object?)AgreementSigned ?? (object?)TenderOpened ?? (object?)JapaneseBidsRecorded ?? (object?)ContractAwarded
        ?? (object?)TenderFailed ?? (object?)ProjectStatusChanged
        ?? throw new InvalidOperationException("A ProjectFact holds no fact.");

    /// <summary>The fact wrapped, or null for an event that is not a correctable fact (registration, corrections, legacy copies).</summary>
    public static ProjectFact? Of(object e) => e switch
    {
        TouchpointLogged x => new(TouchpointLogged: x),
        TouchpointOutcomeRecorded x => new(TouchpointOutcomeRecorded: x),
        StudyStarted x => new(StudyStarted: x),
        StudyCompleted x => new(StudyCompleted: x),
        AgreementSigned x => new(AgreementSigned: x),
        TenderOpened x => new(TenderOpened: x),
        JapaneseBidsRecorded x => new(JapaneseBidsRecorded: x),
        ContractAwarded x => new(ContractAwarded: x),
        TenderFailed x => new(TenderFailed: x),
        ProjectStatusChanged x => new(ProjectStatusChanged: x),
        _ => null,
    };
}
