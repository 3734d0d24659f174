using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Reports.Orders;

namespace ProjectCases.WebConsole.Pages.Reports;

/// <summary>The orders report (GetOrdersReportEndpoint.BuildAsync) of one fiscal year, by sector and by region.</summary>
[Authorize(Roles = Roles.ReportReaders)]
public sealed class OrdersModel(IQuerySession session, TimeProvider clock) : ReportPage(clock)
{
    public OrdersReport Report { get; private set; } = null!;

    public async Task OnGet(CancellationToken ct) => Report = await GetOrdersReportEndpoint.BuildAsync(session, Year, Year, ct);

    /// <summary>`?handler=csv&amp;from=Y&amp;to=Y&amp;format=csv`: exactly what GET /api/reports/orders?format=csv answers.</summary>
    public async Task<IActionResult> OnGetCsv(CancellationToken ct) => new EndpointResult(await GetOrdersReportEndpoint.Get(HttpContext, session, ct));
}
