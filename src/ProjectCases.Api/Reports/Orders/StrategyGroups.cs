using ProjectCases.Projects;

namespace ProjectCases.Reports.Orders;

/// <summary>
/// The sector groups of the infrastructure strategy's order statistics (seed 004, 主な分野別内訳): energy, transport,
/// ICT, infrastructure development, living environment and new fields.
/// </summary>
public enum StrategyGroup { Energy, Transport, ICT, InfrastructureDevelopment, LivingEnvironment, NewFields }

/// <summary>The group an official statistic is published for: one of the strategy's groups, or the total of all.</summary>
public enum OfficialOrdersGroup { Total, Energy, Transport, ICT, InfrastructureDevelopment, LivingEnvironment, NewFields }

public static class StrategyGroups
{
    /// <summary>
    /// Where each project sector falls (docs/api.md, "Orders report"). The statistics' "new fields" (medical, agriculture,
    /// postal, space...) match no project sector: projects never fall there, the published figures do.
    /// </summary>
    public static StrategyGroup Of(Sector sector) => sector switch
    {
        Sector.Energy => StrategyGroup.Energy,
        Sector.Rail or Sector.Road or Sector.Bridge or Sector.Airport or Sector.AirNavigation or Sector.Port or Sector.Maritime
            or Sector.Logistics or Sector.TransportSoftInfrastructure => StrategyGroup.Transport,
        Sector.ICT => StrategyGroup.ICT,
        Sector.Water or Sector.Sewerage or Sector.Dam => StrategyGroup.LivingEnvironment,
        _ => StrategyGroup.InfrastructureDevelopment, // Urban, DisasterPrevention, ConstructionTechnology
    };

    public static string JapaneseOf(StrategyGroup group) => JapaneseOf((OfficialOrdersGroup)((int)group + 1));

    public static string JapaneseOf(OfficialOrdersGroup group) => group switch
    {
        OfficialOrdersGroup.Total => "合計",
        OfficialOrdersGroup.Energy => "エネルギー",
        OfficialOrdersGroup.Transport => "交通",
        OfficialOrdersGroup.ICT => "情報通信",
        OfficialOrdersGroup.InfrastructureDevelopment => "基盤整備",
        OfficialOrdersGroup.LivingEnvironment => "生活環境",
        OfficialOrdersGroup.NewFields => "新分野",
        _ => group.ToString(),
    };
}

/// <summary>The national order targets of the infrastructure strategies, in JPY by calendar year.</summary>
public sealed record NationalOrderTarget(int CalendarYear, decimal AmountJpy, string Source);

public static class NationalOrderTargets
{
    public static readonly IReadOnlyList<NationalOrderTarget> All =
    [
        new(2020, 30_000_000_000_000m, "インフラシステム輸出戦略 (2013): 2020年に約30兆円 (seed 004)"),
        new(2025, 34_000_000_000_000m, "インフラシステム海外展開戦略2025 (2020-12): 2025年に34兆円 (seed 001)"),
    ];
}
