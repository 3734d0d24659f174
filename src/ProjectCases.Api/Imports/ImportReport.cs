using System.Text.Json.Serialization;

namespace ProjectCases.Imports;

public enum ImportOutcome { Recorded, WouldRecord, Refused, AlreadyRecorded }

/// <summary>One row's outcome: the sheet (for a CSV, its kind) and row number as the user sees them, and why in words.</summary>
public sealed record ImportRowResult(int Row, string Sheet, ImportOutcome Outcome, string? Detail);

/// <summary>
/// What an import did (or, in a dry run, would do): every data row in kind order. `recorded` counts the rows recorded
/// (in a dry run: that would be), `refused` the refused rows, `alreadyRecorded` the rows an earlier import recorded.
/// </summary>
public sealed record ImportReport(bool DryRun, IReadOnlyList<ImportRowResult> Rows)
{
    [JsonPropertyOrder(1)] public int Recorded => Rows.Count(r => r.Outcome is ImportOutcome.Recorded or ImportOutcome.WouldRecord);
    [JsonPropertyOrder(2)] public int Refused => Rows.Count(r => r.Outcome == ImportOutcome.Refused);
    [JsonPropertyOrder(3)] public int AlreadyRecorded => Rows.Count(r => r.Outcome == ImportOutcome.AlreadyRecorded);
}

/// <summary>The import's ledger: one document per recorded row, stored with the row's events, so a re-run finds it by the row's id.</summary>
public sealed record ImportedRow(Guid Id, ImportKind Kind, Guid ProjectId, string? RecordedBy, DateTimeOffset RecordedAt);
