using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Projects;
using ProjectCases.Reports.Kpi;
using ProjectCases.Reports.Targets;

namespace ProjectCases.WebConsole.Pages.Reports;

/// <summary>The KPI report (GetKpiReportEndpoint.BuildAsync) in a ministry's and sector's scope, with the in-year view; the CSV is the endpoint's own.</summary>
[Authorize(Roles = Roles.ReportReaders)]
public sealed class KpiModel(IQuerySession session, KpiTargets targets, TimeProvider clock) : ReportPage(clock)
{
    [BindProperty(SupportsGet = true)] public Ministry? Ministry { get; set; }
    [BindProperty(SupportsGet = true)] public Sector? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public bool AsOfToday { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectCases.Reports.CountryRiskScope? CountryRisk { get; set; }

    public KpiReport Report { get; private set; } = null!;

    public async Task OnGet(CancellationToken ct) =>
        Report = await GetKpiReportEndpoint.BuildAsync(session, targets, Year,
            new KpiScope(Ministry, Sector, AsOfToday ? TokyoTime.Today(Clock) : null, CountryRisk ?? ProjectCases.Reports.CountryRiskScope.Include), ct);

    /// <summary>`?handler=csv&amp;fiscalYear=Y&amp;format=csv` (and the scope): exactly what GET /api/reports/kpi?format=csv answers.</summary>
    public async Task<IActionResult> OnGetCsv(CancellationToken ct) =>
        new EndpointResult(await GetKpiReportEndpoint.Get(HttpContext, session, targets, Clock, ct));
}
