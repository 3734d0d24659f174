using ProjectCases.Projects;

namespace ProjectCases.Reports.Orders;

/// <summary>How the orders report counts years and groups awards.</summary>
public enum OrdersYears { FiscalYear, CalendarYear }

public enum OrdersGroups { Sector, Strategy }

/// <summary>
/// Award counts and amounts by year, and by sector and region or by the strategy's groups. With calendar years the
/// published statistics (<see cref="Official"/>) and the national targets stand beside the project-level sums.
/// CountryRisk: whether projects under an open country risk at each year's end were counted, left out or counted alone
/// (the published statistics are national aggregates, shown as published whatever it is).
/// </summary>
public sealed record OrdersReport(int From, int To, OrdersYears By, OrdersGroups Groups, IReadOnlyList<OrdersRow> Rows, OrdersTotals Totals,
    IReadOnlyList<OfficialOrdersLine> Official, IReadOnlyList<NationalOrderTarget> NationalTargets, CountryRiskScope CountryRisk = CountryRiskScope.Include)
{
    public static OrdersReport Build(int from, int to, OrdersYears by, OrdersGroups groups, IEnumerable<YearOrders> orders,
        IReadOnlyDictionary<Guid, ProjectPlace> places, IEnumerable<OfficialOrders> official)
    {
        var entries = orders
            .Select(o => (Year: o.YearOfOrders(), Place: places.GetValueOrDefault(o.ProjectId), Orders: o))
            // A project that no longer exists cannot happen (streams are never deleted); skip rather than invent a place.
            .Where(entry => entry.Place is not null)
            .ToList();
        var rows = groups == OrdersGroups.Sector
            ? entries.GroupBy(entry => (entry.Year, entry.Place!.Sector, entry.Place.Region))
                .Select(g => Row(by, g.Key.Year, g.Select(e => e.Orders)) with
                {
                    Sector = g.Key.Sector, SectorJa = JapaneseLabels.Of(g.Key.Sector), Region = g.Key.Region, RegionJa = JapaneseLabels.OfRegion(g.Key.Region),
                })
                .OrderBy(row => row.Year).ThenBy(row => row.Sector.ToString(), StringComparer.Ordinal).ThenBy(row => row.Region, StringComparer.Ordinal)
                .ToList()
            : entries.GroupBy(entry => (entry.Year, Group: StrategyGroups.Of(entry.Place!.Sector)))
                .Select(g => Row(by, g.Key.Year, g.Select(e => e.Orders)) with { Group = g.Key.Group, GroupJa = StrategyGroups.JapaneseOf(g.Key.Group) })
                .OrderBy(row => row.Year).ThenBy(row => row.Group)
                .ToList();
        // Published statistics are by calendar year: beside fiscal-year sums they would compare different periods.
        IReadOnlyList<OfficialOrdersLine> published = by == OrdersYears.CalendarYear
            ? [.. official.Where(o => o.CalendarYear >= from && o.CalendarYear <= to).OrderBy(o => o.CalendarYear).ThenBy(o => o.Group)
                .Select(o => new OfficialOrdersLine(o.CalendarYear, o.Group, StrategyGroups.JapaneseOf(o.Group), o.AmountJpy, o.Source, o.RecordedAt, o.RecordedBy))]
            : [];
        return new OrdersReport(from, to, by, groups, rows,
            new OrdersTotals(rows.Sum(r => r.Awards), rows.Sum(r => r.JapaneseWins), rows.Sum(r => r.AmountJpy), rows.Sum(r => r.JapaneseWinsAmountJpy)),
            published, by == OrdersYears.CalendarYear ? NationalOrderTargets.All : []);
    }

    private static OrdersRow Row(OrdersYears by, int year, IEnumerable<YearOrders> orders)
    {
        var all = orders.ToList();
        return new OrdersRow(year, by == OrdersYears.FiscalYear ? year : null, by == OrdersYears.CalendarYear ? year : null,
            null, null, null, null, null, null,
            all.Sum(o => o.Awards), all.Sum(o => o.JapaneseWins), all.Sum(o => o.AmountJpy), all.Sum(o => o.JapaneseWinsAmountJpy));
    }
}

/// <summary>
/// Awards of one year and one sector and region (groups=sector) or one strategy group (groups=strategy). Year is the
/// fiscal or calendar year as asked (also given as FiscalYear or CalendarYear). Amounts in JPY, undisclosed awards
/// counted but not summed.
/// </summary>
public sealed record OrdersRow(int Year, int? FiscalYear, int? CalendarYear, Sector? Sector, string? SectorJa, string? Region, string? RegionJa,
    StrategyGroup? Group, string? GroupJa, int Awards, int JapaneseWins, decimal AmountJpy, decimal JapaneseWinsAmountJpy);

public sealed record OrdersTotals(int Awards, int JapaneseWins, decimal AmountJpy, decimal JapaneseWinsAmountJpy);

/// <summary>A published aggregate, as recorded (the latest revision), with its source.</summary>
public sealed record OfficialOrdersLine(int CalendarYear, OfficialOrdersGroup Group, string GroupJa, decimal AmountJpy, string Source,
    DateTimeOffset RecordedAt, string? RecordedBy);

public sealed record ProjectPlace(Guid Id, Sector Sector, string Region);
