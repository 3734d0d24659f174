using JasperFx.Events;
using Marten.Events.Aggregation;
using ProjectCases.Infrastructure;
using ProjectCases.Projects;

namespace ProjectCases.Reports.Targets;

/// <summary>The targets an admin has set for one ministry's fiscal year. A null value removes the file's default.</summary>
public sealed class KpiTargetOverrides
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public int FiscalYear { get; set; }
    public Ministry Ministry { get; set; } = Ministry.MIC;
    public Dictionary<string, decimal?> Targets { get; set; } = [];
}

public sealed class KpiTargetOverridesProjection : SingleStreamProjection<KpiTargetOverrides, Guid>
{
    // Its only event, as an allow-list: why the list matters is in EventFolds.IncludeIn.
    public KpiTargetOverridesProjection() => IncludeType<KpiTargetsSet>();

    public override KpiTargetOverrides? Evolve(KpiTargetOverrides? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not KpiTargetsSet set) return snapshot;
        var overrides = snapshot ?? new KpiTargetOverrides { Id = id, FiscalYear = set.FiscalYear, Ministry = set.Ministry ?? Ministry.MIC };
        foreach (var (key, target) in set.Targets) overrides.Targets[key] = target;
        overrides.Version = e.Version;
        return overrides;
    }
}

public static class KpiTargetStreams
{
    private static readonly Guid Namespace = new("5b0f4d0e-7c1a-4d55-9a57-3f1c2d0b8e61");

    /// <summary>MIC's targets keep the stream they had before targets were per ministry (the file's defaults were MIC's).</summary>
    public static Guid IdOf(int fiscalYear, Ministry ministry = Ministry.MIC) =>
        NameBasedGuid.Create(Namespace, ministry == Ministry.MIC ? $"kpi-targets/FY{fiscalYear}" : $"kpi-targets/{ministry}/FY{fiscalYear}");
}
