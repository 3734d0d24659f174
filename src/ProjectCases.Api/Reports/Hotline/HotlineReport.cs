using ProjectCases.Troubles;

namespace ProjectCases.Reports.Hotline;

/// <summary>What the report needs of one case (its current read model, TroubleCase).</summary>
public sealed record HotlineCaseFacts(
    Guid Id, TroubleCategory Category, Priority Priority, DateTimeOffset ReportedAt, DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt, bool FirstResponseBreached, bool ResolutionBreached);

public sealed record HotlineReport(
    int FiscalYear, DateOnly From, DateOnly To, int Received, int Resolved, int OpenAtYearEnd,
    decimal? MedianDaysToFirstResponse, decimal? MedianDaysToResolution,
    int FirstResponseOverdue, int ResolutionOverdue,
    IReadOnlyList<HotlineBreakdown> ByCategory, IReadOnlyList<HotlineBreakdown> ByPriority)
{
    /// <param name="cases">Every case reported before the year ended and not resolved before it began.</param>
    public static HotlineReport Build(int fiscalYear, IReadOnlyList<HotlineCaseFacts> cases)
    {
        var (from, to) = (Reports.FiscalYear.FirstDay(fiscalYear), Reports.FiscalYear.LastDay(fiscalYear));
        bool InYear(DateTimeOffset? at) => at is { } instant && Reports.FiscalYear.Of(instant) == fiscalYear;
        var yearEnd = TokyoTime.EndOfDay(to);

        var received = cases.Where(c => InYear(c.ReportedAt)).ToList();
        var resolved = cases.Where(c => InYear(c.ResolvedAt)).ToList();
        return new HotlineReport(fiscalYear, from, to, received.Count, resolved.Count,
            OpenAtYearEnd: cases.Count(c => c.ReportedAt <= yearEnd && (c.ResolvedAt is null || c.ResolvedAt > yearEnd)),
            MedianDays(received.Where(c => c.FirstRespondedAt is not null).Select(c => c.FirstRespondedAt!.Value - c.ReportedAt)),
            MedianDays(resolved.Select(c => c.ResolvedAt!.Value - c.ReportedAt)),
            received.Count(c => c.FirstResponseBreached), received.Count(c => c.ResolutionBreached),
            [.. Breakdown(received, resolved, c => c.Category.ToString())],
            [.. Breakdown(received, resolved, c => c.Priority.ToString())]);
    }

    /// <summary>Median in days, to one decimal (a response after 6 hours is 0.3 days).</summary>
    private static decimal? MedianDays(IEnumerable<TimeSpan> durations)
    {
        var days = durations.Select(d => (decimal)d.TotalDays).Order().ToList();
        if (days.Count == 0) return null;
        var middle = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    private static IEnumerable<HotlineBreakdown> Breakdown(List<HotlineCaseFacts> received, List<HotlineCaseFacts> resolved, Func<HotlineCaseFacts, string> key) =>
        received.Select(key).Concat(resolved.Select(key)).Distinct().Order(StringComparer.Ordinal)
            .Select(value => new HotlineBreakdown(value, received.Count(c => key(c) == value), resolved.Count(c => key(c) == value)));
}

public sealed record HotlineBreakdown(string Value, int Received, int Resolved);
