namespace ProjectCases.Projects;

// The write responses of API.md that name what the write created or touched besides the project ({ id, version }).
// Declared on each endpoint with [ProducesResponseType] so that the OpenAPI document and generated clients know them.

public sealed record TouchpointWritten(Guid Id, long Version, Guid TouchpointId);

public sealed record AgreementWritten(Guid Id, long Version, Guid AgreementId);

public sealed record AwardWritten(Guid Id, long Version, Guid AwardId);

public sealed record StudyWritten(Guid Id, long Version, Guid StudyId);

public sealed record TenderWritten(Guid Id, long Version, Guid TenderId);

public sealed record TenderAwarded(Guid Id, long Version, Guid TenderId, Guid AwardId);

/// <summary>A fact voided: `voidedVersion` is the version that recorded it.</summary>
public sealed record FactVoidWritten(Guid Id, long Version, long VoidedVersion);

/// <summary>A fact corrected: `correctedVersion` is the version that recorded it.</summary>
public sealed record FactCorrectionWritten(Guid Id, long Version, long CorrectedVersion);

/// <summary>A country-risk decision recorded on the project.</summary>
public sealed record RiskDecisionWritten(Guid Id, long Version, Guid DecisionId);
