using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Reports.Csv;
using ProjectCases.Troubles.Cases;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Reports.Hotline;

public static class GetHotlineReportEndpoint
{
    /// <summary>The hotline's fiscal year: received, resolved, open at year end, medians, overdue counts, by category and priority.</summary>
    [FiscalYearQuery, ReportFormatQuery]
    [ProducesResponseType<HotlineReport>(200)]
    [WolverineGet("/api/reports/hotline"), Authorize(Roles = Roles.HotlineReportReaders)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var fiscalYear = query.FiscalYearParameter("fiscalYear");
        var format = ReportFormats.Read(context.Request, query);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var report = await BuildAsync(session, fiscalYear, ct);
        return format == ReportFormat.Json ? Results.Ok(report) : Csv(report);
    }

    /// <summary>The report of one fiscal year; also read by the web console.</summary>
    public static async Task<HotlineReport> BuildAsync(IQuerySession session, int fiscalYear, CancellationToken ct)
    {
        // Both bounds are indexed columns of TroubleCase; instants are compared in UTC.
        var yearStart = TokyoTime.EndOfDay(FiscalYear.FirstDay(fiscalYear).AddDays(-1)).AddTicks(1).ToUniversalTime();
        var yearEnd = TokyoTime.EndOfDay(FiscalYear.LastDay(fiscalYear)).ToUniversalTime();
        var cases = await session.Query<TroubleCase>()
            .Where(c => c.ReportedAt <= yearEnd && (c.ResolvedAt == null || c.ResolvedAt >= yearStart))
            .Select(c => new HotlineCaseFacts(c.Id, c.Category, c.Priority, c.ReportedAt, c.FirstRespondedAt, c.ResolvedAt,
                c.FirstResponseBreached, c.ResolutionBreached))
            .ToListAsync(ct);

        return HotlineReport.Build(fiscalYear, cases);
    }

    /// <summary>One row per figure: the totals, then each category and priority.</summary>
    private static IResult Csv(HotlineReport r) =>
        CsvFile.Result($"hotline-FY{r.FiscalYear}.csv", ["fiscalYear", "key", "label", "labelJa", "value"],
        [
            [r.FiscalYear, "received", "Cases received", "受付件数", r.Received],
            [r.FiscalYear, "resolved", "Cases resolved", "解決件数", r.Resolved],
            [r.FiscalYear, "openAtYearEnd", "Open at year end", "年度末時点の未解決件数", r.OpenAtYearEnd],
            [r.FiscalYear, "medianDaysToFirstResponse", "Median days to first response", "初回対応までの日数（中央値）", r.MedianDaysToFirstResponse],
            [r.FiscalYear, "medianDaysToResolution", "Median days to resolution", "解決までの日数（中央値）", r.MedianDaysToResolution],
            [r.FiscalYear, "firstResponseOverdue", "First response overdue", "初回対応期限超過", r.FirstResponseOverdue],
            [r.FiscalYear, "resolutionOverdue", "Resolution overdue", "解決期限超過", r.ResolutionOverdue],
            .. r.ByCategory.SelectMany(b => Rows(r.FiscalYear, "category", "分類", b)),
            .. r.ByPriority.SelectMany(b => Rows(r.FiscalYear, "priority", "優先度", b)),
        ]);

    private static IEnumerable<object?[]> Rows(int fiscalYear, string dimension, string dimensionJa, HotlineBreakdown b) =>
    [
        [fiscalYear, $"{dimension}.{b.Value}.received", $"Received, {dimension} {b.Value}", $"受付件数（{dimensionJa}：{b.Value}）", b.Received],
        [fiscalYear, $"{dimension}.{b.Value}.resolved", $"Resolved, {dimension} {b.Value}", $"解決件数（{dimensionJa}：{b.Value}）", b.Resolved],
    ];
}
