using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.Status;
using ProjectCases.Reports.Csv;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Reports.Orders;

public static class GetOrdersReportEndpoint
{
    /// <summary>A generation of sheets at most; longer spans are several requests.</summary>
    public const int MaxYears = 30;

    /// <summary>
    /// Award counts and JPY amounts by year (`by=fiscalYear`, the default, or `calendarYear`) × sector × region, or
    /// × the strategy's groups (`groups=strategy`), Japanese wins against all awards; `countryRisk=exclude|isolate`
    /// leaves out, or counts alone, each year's projects under an open country risk at that year's end.
    /// </summary>
    [FiscalYearQuery("from", "The first fiscal year of the span."), FiscalYearQuery("to", "The last fiscal year of the span (at most 30 years from from)."), ReportFormatQuery]
    [Query("by", typeof(OrdersYears), "fiscalYear (the default) or calendarYear: the years the awards are counted in.")]
    [Query("groups", typeof(OrdersGroups), "sector (the default) or strategy: the infrastructure strategy's sector groups.")]
    [Query("countryRisk", typeof(CountryRiskScope), CountryRiskQuery.Description)]
    [ProducesResponseType<OrdersReport>(200)]
    [WolverineGet("/api/reports/orders"), Authorize(Roles = Roles.ReportReaders)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var from = query.FiscalYearParameter("from");
        var to = query.FiscalYearParameter("to");
        var by = query.Enum<OrdersYears>("by") ?? OrdersYears.FiscalYear;
        var groups = query.Enum<OrdersGroups>("groups") ?? OrdersGroups.Sector;
        var countryRisk = query.Enum<CountryRiskScope>("countryRisk") ?? CountryRiskScope.Include;
        var format = ReportFormats.Read(context.Request, query);
        if (from > 0 && to > 0 && (to < from || to - from >= MaxYears))
            query.AddError("to", $"must be a year from 'from' ({from}) to {from + MaxYears - 1} ({MaxYears} years at most).");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var report = await BuildAsync(session, from, to, ct, by, groups, countryRisk);
        if (format == ReportFormat.Json) return Results.Ok(report);
        var name = $"orders-{(by == OrdersYears.FiscalYear ? "FY" : "")}{from}-{(by == OrdersYears.FiscalYear ? "FY" : "")}{to}{(groups == OrdersGroups.Strategy ? "-strategy" : "")}{CountryRiskQuery.FileSuffix(countryRisk)}.csv";
        var year = by == OrdersYears.FiscalYear ? "fiscalYear" : "calendarYear";
        return groups == OrdersGroups.Sector
            ? CsvFile.Result(name, [year, "sector", "sectorJa", "region", "regionJa", "awards", "japaneseWins", "amountJpy", "japaneseWinsAmountJpy"],
                report.Rows.Select(r => new object?[] { r.Year, r.Sector, r.SectorJa, r.Region, r.RegionJa, r.Awards, r.JapaneseWins, r.AmountJpy, r.JapaneseWinsAmountJpy }))
            : CsvFile.Result(name, [year, "group", "groupJa", "awards", "japaneseWins", "amountJpy", "japaneseWinsAmountJpy"],
                report.Rows.Select(r => new object?[] { r.Year, r.Group, r.GroupJa, r.Awards, r.JapaneseWins, r.AmountJpy, r.JapaneseWinsAmountJpy }));
    }

    /// <summary>The report for years <paramref name="from"/> to <paramref name="to"/>; also read by the web console.</summary>
    public static async Task<OrdersReport> BuildAsync(IQuerySession session, int from, int to, CancellationToken ct,
        OrdersYears by = OrdersYears.FiscalYear, OrdersGroups groups = OrdersGroups.Sector, CountryRiskScope countryRisk = CountryRiskScope.Include)
    {
        // A document whose awards were all voided (or whose project was) stays behind with zero: it is no row.
        IReadOnlyList<YearOrders> orders = by == OrdersYears.FiscalYear
            ? await session.Query<ProjectYearOrders>().Where(o => o.FiscalYear >= from && o.FiscalYear <= to && o.Awards > 0).ToListAsync(ct)
            : await session.Query<ProjectCalendarYearOrders>().Where(o => o.CalendarYear >= from && o.CalendarYear <= to && o.Awards > 0).ToListAsync(ct);
        if (countryRisk != CountryRiskScope.Include)
        {
            // Each year's awards by their project's risks at that year's end (31 March, or 31 December by calendar year).
            var underRisk = await ProjectsUnderRisk.LoadAsync(session, ct);
            orders = [.. orders.Where(o => underRisk.Counts(countryRisk, o.ProjectId,
                by == OrdersYears.FiscalYear ? FiscalYear.LastDay(o.YearOfOrders()) : new DateOnly(o.YearOfOrders(), 12, 31)))];
        }
        var projectIds = orders.Select(o => o.ProjectId).Distinct().ToArray();
        var places = projectIds.Length == 0
            ? []
            : await session.Query<ProjectStatus>().Where(p => p.Id.IsOneOf(projectIds))
                .Select(p => new ProjectPlace(p.Id, p.Sector, p.Region)).ToListAsync(ct);
        var official = by == OrdersYears.CalendarYear
            ? await session.Query<OfficialOrders>().Where(o => o.CalendarYear >= from && o.CalendarYear <= to).ToListAsync(ct)
            : [];
        return OrdersReport.Build(from, to, by, groups, orders, places.ToDictionary(p => p.Id), official) with { CountryRisk = countryRisk };
    }
}
