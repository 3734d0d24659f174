using ProjectCases.Projects;
using ProjectCases.Reports.Activity;

namespace ProjectCases.Reports.Kpi;

/// <summary>
/// One fiscal year's indicators. Ministry and Sector: the scope (null = every ministry or sector). AsOf and
/// ElapsedShare are set for the in-year view (asOfToday): the share of the year elapsed on AsOf, which pro-rates each target.
/// CountryRisk: whether projects under an open country risk at the year's end (To) were counted, left out or counted alone.
/// </summary>
public sealed record KpiReport(int FiscalYear, DateOnly From, DateOnly To, Ministry? Ministry, Sector? Sector, DateOnly? AsOf, decimal? ElapsedShare,
    IReadOnlyList<KpiLine> Indicators, CountryRiskScope CountryRisk = CountryRiskScope.Include)
{
    public static KpiReport Build(int fiscalYear, ActivityCounts activity, IReadOnlyDictionary<string, decimal> targets, KpiScope scope)
    {
        var share = scope.AsOf is { } today ? ElapsedShareOf(fiscalYear, today) : (decimal?)null;
        return new(fiscalYear, Reports.FiscalYear.FirstDay(fiscalYear), Reports.FiscalYear.LastDay(fiscalYear), scope.Ministry, scope.Sector,
            scope.AsOf, share,
            [
                .. KpiIndicators.All.Where(indicator => !scope.IsScoped || !indicator.IsHotline).Select(indicator =>
                {
                    var actual = indicator.Actual(activity);
                    decimal? target = targets.TryGetValue(indicator.Key, out var value) ? value : null;
                    if (share is not { } elapsed) return new KpiLine(indicator.Key, indicator.Label, indicator.LabelJa, actual, target, Grades.For(actual, target));
                    var proRated = target is { } t ? Math.Round(t * elapsed, 2) : (decimal?)null;
                    // Facts are counted as recorded so far: to date is the year's count now (business dates lie at most a year ahead).
                    return new KpiLine(indicator.Key, indicator.Label, indicator.LabelJa, actual, target, Grades.For(actual, target),
                        actual, proRated, proRated is { } p ? actual >= p : null);
                }),
            ], scope.CountryRisk);
    }

    /// <summary>Days of the fiscal year up to and including <paramref name="today"/>, over the year's days: 0 before it starts, 1 after it ends.</summary>
    public static decimal ElapsedShareOf(int fiscalYear, DateOnly today)
    {
        var first = Reports.FiscalYear.FirstDay(fiscalYear);
        var days = Reports.FiscalYear.LastDay(fiscalYear).DayNumber - first.DayNumber + 1;
        var elapsed = Math.Clamp(today.DayNumber - first.DayNumber + 1, 0, days);
        return Math.Round((decimal)elapsed / days, 4);
    }
}

/// <summary>
/// A KPI line. ToDate, ProRatedTarget and OnTrack belong to the in-year view (null otherwise, and ProRatedTarget and
/// OnTrack null for an indicator without a target).
/// </summary>
public sealed record KpiLine(string Key, string Label, string LabelJa, decimal Actual, decimal? Target, string? Grade,
    decimal? ToDate = null, decimal? ProRatedTarget = null, bool? OnTrack = null);

/// <summary>
/// The report's scope: a ministry (whose targets apply), a sector and the projects under country risk; AsOf asks for
/// the in-year view on that day. A scoped report sums projects, so it has no hotline lines (one desk for every project).
/// </summary>
public sealed record KpiScope(Ministry? Ministry = null, Sector? Sector = null, DateOnly? AsOf = null, CountryRiskScope CountryRisk = CountryRiskScope.Include)
{
    public bool IsScoped => Ministry is not null || Sector is not null || CountryRisk != CountryRiskScope.Include;
}
