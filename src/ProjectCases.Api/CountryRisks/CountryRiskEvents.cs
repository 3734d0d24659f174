using ProjectCases.Projects;

namespace ProjectCases.CountryRisks;

// The events of a country-risk stream (one stream per risk, keyed by the risk id), and the two facts a risk
// leaves on each affected project's own stream. Stored names are fixed in CountryRisksSetup.

public enum CountryRiskKind { Coup, Conflict, SovereignDefault, PolicyChange, Disaster, Sanctions, Other }

/// <summary>Watch is observed only; Warning and Crisis make every affected project react.</summary>
public enum CountryRiskSeverity { Watch, Warning, Crisis }

public enum RiskDecisionKind { Continue, ContinueWithConditions, Suspend, Postpone, Withdraw }

/// <summary>ProjectIds: projects named beyond the country's own (a regional project, a supplier's country).</summary>
public sealed record CountryRiskOpened(
    Guid RiskId, string Country, CountryRiskKind Kind, DateOnly ObservedOn, string Summary, CountryRiskSeverity Severity,
    IReadOnlyList<Guid> ProjectIds);

/// <summary>Severity null: the severity stays as it was.</summary>
public sealed record CountryRiskUpdated(Guid RiskId, DateOnly ObservedOn, string Summary, CountryRiskSeverity? Severity);

public sealed record CountryRiskClosed(Guid RiskId, string Summary, DateOnly ClosedOn);

/// <summary>
/// On the project's stream: the project is affected by the risk. Written once per project and risk by the
/// linking (CountryRiskLinking). CompaniesWithOpenCases: the reporting companies of the project's open hotline
/// cases when it was linked, whom the hotline desk informs (a follow-up rule).
/// </summary>
public sealed record CountryRiskLinked(
    Guid ProjectId, Guid RiskId, string Country, CountryRiskKind Kind, CountryRiskSeverity Severity, string RiskSummary,
    DateOnly LinkedOn, IReadOnlyList<string> CompaniesWithOpenCases, IReadOnlyList<Guid>? OpenCaseIds = null);

/// <summary>On the project's stream: the continue-or-withdraw call. ReviewOn is null only for Withdraw.</summary>
public sealed record CountryRiskDecided(
    Guid ProjectId, Guid RiskId, Guid DecisionId, RiskDecisionKind Decision, string Reason, DateOnly DecidedOn, JapanLevel DecidedBy,
    DateOnly? ReviewOn);
