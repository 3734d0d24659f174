using ProjectCases.Reports.Activity;

namespace ProjectCases.Reports.Kpi;

public sealed record KpiReport(int FiscalYear, DateOnly From, DateOnly To, IReadOnlyList<KpiLine> Indicators)
{
    public static KpiReport Build(int fiscalYear, FiscalYearActivity activity, IReadOnlyDictionary<string, decimal> targets) =>
        new(fiscalYear, Reports.FiscalYear.FirstDay(fiscalYear), Reports.FiscalYear.LastDay(fiscalYear),
        [
            .. KpiIndicators.All.Select(indicator =>
            {
                var actual = indicator.Actual(activity);
                decimal? target = targets.TryGetValue(indicator.Key, out var value) ? value : null;
                return new KpiLine(indicator.Key, indicator.Label, indicator.LabelJa, actual, target, Grades.For(actual, target));
            }),
        ]);
}

public sealed record KpiLine(string Key, string Label, string LabelJa, decimal Actual, decimal? Target, string? Grade);
