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

    /// <summary>Award counts and JPY amounts by fiscal year × sector × region, Japanese wins against all awards.</summary>
    [FiscalYearQuery("from", "The first fiscal year of the span."), FiscalYearQuery("to", "The last fiscal year of the span (at most 30 years from from)."), ReportFormatQuery]
    [ProducesResponseType<OrdersReport>(200)]
    [WolverineGet("/api/reports/orders"), Authorize(Roles = Roles.ReportReaders)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var from = query.FiscalYearParameter("from");
        var to = query.FiscalYearParameter("to");
        var format = ReportFormats.Read(context.Request, query);
        if (from > 0 && to > 0 && (to < from || to - from >= MaxYears))
            query.AddError("to", $"must be a fiscal year from 'from' ({from}) to {from + MaxYears - 1} ({MaxYears} years at most).");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var report = await BuildAsync(session, from, to, ct);
        return format == ReportFormat.Json
            ? Results.Ok(report)
            : CsvFile.Result($"orders-FY{from}-FY{to}.csv",
                ["fiscalYear", "sector", "sectorJa", "region", "regionJa", "awards", "japaneseWins", "amountJpy", "japaneseWinsAmountJpy"],
                report.Rows.Select(r => new object?[]
                    { r.FiscalYear, r.Sector, r.SectorJa, r.Region, r.RegionJa, r.Awards, r.JapaneseWins, r.AmountJpy, r.JapaneseWinsAmountJpy }));
    }

    /// <summary>The report for fiscal years <paramref name="from"/> to <paramref name="to"/>; also read by the web console.</summary>
    public static async Task<OrdersReport> BuildAsync(IQuerySession session, int from, int to, CancellationToken ct)
    {
        // A document whose awards were all voided (or whose project was) stays behind with zero: it is no row.
        var orders = await session.Query<ProjectYearOrders>().Where(o => o.FiscalYear >= from && o.FiscalYear <= to && o.Awards > 0).ToListAsync(ct);
        var projectIds = orders.Select(o => o.ProjectId).Distinct().ToArray();
        var places = projectIds.Length == 0
            ? []
            : await session.Query<ProjectStatus>().Where(p => p.Id.IsOneOf(projectIds))
                .Select(p => new ProjectPlace(p.Id, p.Sector, p.Region)).ToListAsync(ct);
        return OrdersReport.Build(from, to, orders, places.ToDictionary(p => p.Id));
    }
}
