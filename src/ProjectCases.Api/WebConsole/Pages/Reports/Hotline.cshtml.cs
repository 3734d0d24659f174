using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Reports.Hotline;

namespace ProjectCases.WebConsole.Pages.Reports;

/// <summary>The hotline report (GetHotlineReportEndpoint.BuildAsync) of one fiscal year.</summary>
[Authorize(Roles = Roles.HotlineReportReaders)]
public sealed class HotlineModel(IQuerySession session, TimeProvider clock) : ReportPage(clock)
{
    public HotlineReport Report { get; private set; } = null!;

    public async Task OnGet(CancellationToken ct) => Report = await GetHotlineReportEndpoint.BuildAsync(session, Year, ct);

    /// <summary>`?handler=csv&amp;fiscalYear=Y&amp;format=csv`: exactly what GET /api/reports/hotline?format=csv answers.</summary>
    public async Task<IActionResult> OnGetCsv(CancellationToken ct) => new EndpointResult(await GetHotlineReportEndpoint.Get(HttpContext, session, ct));
}
