using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Reports.Activity;
using ProjectCases.Reports.Csv;
using ProjectCases.Reports.Targets;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Reports.Kpi;

public static class GetKpiReportEndpoint
{
    /// <summary>The fiscal year's indicators with targets and grades; JSON, or CSV (one row per indicator).</summary>
    [FiscalYearQuery, ReportFormatQuery]
    [ProducesResponseType<KpiReport>(200)]
    [WolverineGet("/api/reports/kpi"), Authorize(Roles = Roles.ReportReaders)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, KpiTargets targets, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var fiscalYear = query.FiscalYearParameter("fiscalYear");
        var format = ReportFormats.Read(context.Request, query);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var report = await BuildAsync(session, targets, fiscalYear, ct);
        return format == ReportFormat.Json
            ? Results.Ok(report)
            : CsvFile.Result($"kpi-FY{fiscalYear}.csv", ["fiscalYear", "key", "label", "labelJa", "actual", "target", "grade"],
                report.Indicators.Select(line => new object?[] { fiscalYear, line.Key, line.Label, line.LabelJa, line.Actual, line.Target, line.Grade }));
    }

    /// <summary>The report of one fiscal year; also read by the web console.</summary>
    public static async Task<KpiReport> BuildAsync(IQuerySession session, KpiTargets targets, int fiscalYear, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var activity = batch.Load<FiscalYearActivity>(fiscalYear);
        var overrides = batch.Load<KpiTargetOverrides>(KpiTargetStreams.IdOf(fiscalYear));
        await batch.Execute(ct);
        return KpiReport.Build(fiscalYear, await activity ?? new FiscalYearActivity { Id = fiscalYear },
            targets.Effective(fiscalYear, (await overrides)?.Targets));
    }
}
