using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Reports.Kpi;
using ProjectCases.Reports.Targets;

namespace ProjectCases.WebConsole.Pages.Reports;

/// <summary>The KPI report (GetKpiReportEndpoint.BuildAsync) with targets and grades; the CSV is the endpoint's own.</summary>
[Authorize(Roles = Roles.ReportReaders)]
public sealed class KpiModel(IQuerySession session, KpiTargets targets, TimeProvider clock) : ReportPage(clock)
{
    public KpiReport Report { get; private set; } = null!;

    public async Task OnGet(CancellationToken ct) => Report = await GetKpiReportEndpoint.BuildAsync(session, targets, Year, ct);

    /// <summary>`?handler=csv&amp;fiscalYear=Y&amp;format=csv`: exactly what GET /api/reports/kpi?format=csv answers.</summary>
    public async Task<IActionResult> OnGetCsv(CancellationToken ct) =>
        new EndpointResult(await GetKpiReportEndpoint.Get(HttpContext, session, targets, ct));
}
