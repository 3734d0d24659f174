namespace ProjectCases.Documents;

/// <summary>`Documents` in configuration (docs/operations.md, "Documents").</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The largest file accepted, in bytes (default 25 MiB); a larger one is refused with 413.</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}
