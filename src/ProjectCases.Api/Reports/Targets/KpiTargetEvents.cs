namespace ProjectCases.Reports.Targets;

/// <summary>
/// An admin set (or, with null, removed) targets of one ministry's fiscal year; keys not named keep their value.
/// One stream per ministry and fiscal year (KpiTargetStreams.IdOf), so who changed a target, when and why is auditable.
/// Ministry null: recorded before targets were per ministry, when the only targets were MIC's (seed 002).
/// </summary>
public sealed record KpiTargetsSet(int FiscalYear, IReadOnlyDictionary<string, decimal?> Targets, string Reason, ProjectCases.Projects.Ministry? Ministry = null);
