namespace ProjectCases.Reports.Targets;

/// <summary>
/// An admin set (or, with null, removed) targets of one fiscal year; keys not named keep their value.
/// One stream per fiscal year (KpiTargetStreams.IdOf), so who changed a target, when and why is auditable.
/// </summary>
public sealed record KpiTargetsSet(int FiscalYear, IReadOnlyDictionary<string, decimal?> Targets, string Reason);
