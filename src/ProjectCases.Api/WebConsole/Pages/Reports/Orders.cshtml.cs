using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Reports.Orders;

namespace ProjectCases.WebConsole.Pages.Reports;

/// <summary>
/// The orders report (GetOrdersReportEndpoint.BuildAsync) of one year: fiscal or calendar, by sector and region or by the
/// strategy's groups; with calendar years the published statistics and the national target stand beside the project sums.
/// </summary>
[Authorize(Roles = Roles.ReportReaders)]
public sealed class OrdersModel(IQuerySession session, TimeProvider clock) : ReportPage(clock)
{
    [BindProperty(SupportsGet = true)] public OrdersYears? By { get; set; }
    [BindProperty(SupportsGet = true)] public OrdersGroups? Groups { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectCases.Reports.CountryRiskScope? CountryRisk { get; set; }

    public OrdersReport Report { get; private set; } = null!;

    public async Task OnGet(CancellationToken ct) =>
        Report = await GetOrdersReportEndpoint.BuildAsync(session, Year, Year, ct, By ?? OrdersYears.FiscalYear, Groups ?? OrdersGroups.Sector,
            CountryRisk ?? ProjectCases.Reports.CountryRiskScope.Include);

    /// <summary>`?handler=csv&amp;from=Y&amp;to=Y&amp;format=csv` (and by, groups): exactly what GET /api/reports/orders?format=csv answers.</summary>
    public async Task<IActionResult> OnGetCsv(CancellationToken ct) => new EndpointResult(await GetOrdersReportEndpoint.Get(HttpContext, session, ct));
}
