using ProjectCases.Projects;

namespace ProjectCases.Reports.Orders;

public sealed record OrdersReport(int From, int To, IReadOnlyList<OrdersRow> Rows, OrdersTotals Totals)
{
    /// <summary>Sums each year's awards by the sector and region of their projects, in year, sector, region order.</summary>
    public static OrdersReport Build(int from, int to, IEnumerable<ProjectYearOrders> orders, IReadOnlyDictionary<Guid, ProjectPlace> places)
    {
        var rows = orders
            .Select(o => (Year: o.FiscalYear, Place: places.GetValueOrDefault(o.ProjectId), Orders: o))
            // A project that no longer exists cannot happen (streams are never deleted); skip rather than invent a place.
            .Where(entry => entry.Place is not null)
            .GroupBy(entry => (entry.Year, entry.Place!.Sector, entry.Place.Region))
            .Select(group => new OrdersRow(group.Key.Year, group.Key.Sector, JapaneseLabels.Of(group.Key.Sector), group.Key.Region,
                JapaneseLabels.OfRegion(group.Key.Region),
                group.Sum(e => e.Orders.Awards), group.Sum(e => e.Orders.JapaneseWins),
                group.Sum(e => e.Orders.AmountJpy), group.Sum(e => e.Orders.JapaneseWinsAmountJpy)))
            .OrderBy(row => row.FiscalYear).ThenBy(row => row.Sector.ToString(), StringComparer.Ordinal).ThenBy(row => row.Region, StringComparer.Ordinal)
            .ToList();
        return new OrdersReport(from, to, rows, new OrdersTotals(rows.Sum(r => r.Awards), rows.Sum(r => r.JapaneseWins),
            rows.Sum(r => r.AmountJpy), rows.Sum(r => r.JapaneseWinsAmountJpy)));
    }
}

/// <summary>Awards of one fiscal year, sector and region. Amounts in JPY, undisclosed awards counted but not summed.</summary>
public sealed record OrdersRow(int FiscalYear, Sector Sector, string SectorJa, string Region, string RegionJa,
    int Awards, int JapaneseWins, decimal AmountJpy, decimal JapaneseWinsAmountJpy);

public sealed record OrdersTotals(int Awards, int JapaneseWins, decimal AmountJpy, decimal JapaneseWinsAmountJpy);

public sealed record ProjectPlace(Guid Id, Sector Sector, string Region);
