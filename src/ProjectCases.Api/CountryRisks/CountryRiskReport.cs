using ProjectCases.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.Status;
using ProjectCases.Reports;
using ProjectCases.Reports.Csv;
using Wolverine.Http;

namespace ProjectCases.CountryRisks;

public sealed record RiskKindCount(CountryRiskKind Kind, int Risks);

public sealed record RiskDecisionCount(RiskDecisionKind Decision, int Projects);

public sealed record CountryRiskReportRow(Guid RiskId, string Country, CountryRiskKind Kind, CountryRiskSeverity Severity, DateOnly ObservedOn,
    CountryRiskState State, int ProjectsAffected, decimal AmountAtStakeJpy);

/// <summary>
/// A fiscal year of country risk: the risks observed in it (by kind, each with its projects and the money at stake),
/// and the continue-or-withdraw decisions taken in it (by kind, whatever year their risk began).
/// </summary>
public sealed record CountryRiskReport(int FiscalYear, int RisksOpened, IReadOnlyList<RiskKindCount> ByKind, int ProjectsAffected,
    decimal AmountAtStakeJpy, int DecisionsTaken, IReadOnlyList<RiskDecisionCount> Decisions, IReadOnlyList<CountryRiskReportRow> Risks)
{
    /// <summary>
    /// Pure. A project linked to two risks of the year counts once in <see cref="ProjectsAffected"/> and its awards once
    /// in <see cref="AmountAtStakeJpy"/>; per risk it counts in each. Money at stake is the project's awards in yen, as
    /// on the board (an undisclosed award adds nothing).
    /// </summary>
    public static CountryRiskReport Build(int fiscalYear, IReadOnlyList<CountryRisk> risks, IReadOnlyList<ProjectStatus> projects)
    {
        var ofTheYear = risks.Where(r => Reports.FiscalYear.Of(r.ObservedOn) == fiscalYear).OrderBy(r => r.ObservedOn).ThenBy(r => r.Country).ToList();
        var ids = ofTheYear.Select(r => r.Id).ToHashSet();
        static decimal AtStake(ProjectStatus p) => p.Awards.Sum(a => a.AmountJpy ?? 0m);
        var affected = projects.Where(p => p.RiskIds.Any(ids.Contains)).ToList();
        var decisions = projects.SelectMany(p => p.Risks)
            .Where(r => r.Decision is not null && r.DecidedOn is { } on && Reports.FiscalYear.Of(on) == fiscalYear)
            .GroupBy(r => r.Decision!.Value).OrderBy(g => g.Key).Select(g => new RiskDecisionCount(g.Key, g.Count())).ToList();
        return new CountryRiskReport(fiscalYear, ofTheYear.Count,
            [.. ofTheYear.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => new RiskKindCount(g.Key, g.Count()))],
            affected.Count, affected.Sum(AtStake), decisions.Sum(d => d.Projects), decisions,
            [.. ofTheYear.Select(r =>
            {
                var linked = affected.Where(p => p.RiskIds.Contains(r.Id)).ToList();
                return new CountryRiskReportRow(r.Id, r.Country, r.Kind, r.Severity, r.ObservedOn, r.State, linked.Count, linked.Sum(AtStake));
            })]);
    }
}

public static class CountryRiskReportEndpoint
{
    /// <summary>`GET /api/reports/country-risks?fiscalYear=2023` (JSON or CSV); for the ministry's roles, like the risks themselves.</summary>
    [FiscalYearQuery, ReportFormatQuery]
    [ProducesResponseType<CountryRiskReport>(200)]
    [WolverineGet("/api/reports/country-risks"), Authorize(Roles = ReadCountryRisksEndpoints.Readers)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var fiscalYear = query.FiscalYearParameter("fiscalYear");
        var format = ReportFormats.Read(context.Request, query);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var report = await BuildAsync(session, fiscalYear, ct);
        return format == ReportFormat.Json ? Results.Ok(report) : Csv(report);
    }

    /// <summary>The report of one fiscal year; also read by the web console. Risks are few (a handful a year), so all are read.</summary>
    public static async Task<CountryRiskReport> BuildAsync(IQuerySession session, int fiscalYear, CancellationToken ct)
    {
        var risks = await session.Query<CountryRisk>().ToListAsync(ct);
        var projects = await session.Query<ProjectStatus>().Where(p => p.RiskIds.Any()).ToListAsync(ct);
        return CountryRiskReport.Build(fiscalYear, risks, projects);
    }

    private static IResult Csv(CountryRiskReport r) =>
        CsvFile.Result($"country-risks-FY{r.FiscalYear}.csv", ["fiscalYear", "key", "label", "labelJa", "value"],
        [
            [r.FiscalYear, "risksOpened", "Country risks observed", "発生したカントリーリスク", r.RisksOpened],
            [r.FiscalYear, "projectsAffected", "Projects affected", "影響を受けた案件", r.ProjectsAffected],
            [r.FiscalYear, "amountAtStakeJpy", "Amount at stake (JPY)", "影響額（円）", r.AmountAtStakeJpy],
            [r.FiscalYear, "decisionsTaken", "Continue-or-withdraw decisions", "継続・撤退の判断", r.DecisionsTaken],
            .. r.ByKind.Select(k => new object?[] { r.FiscalYear, $"kind.{k.Kind}", $"Risks, kind {k.Kind}", $"リスク（種類：{k.Kind}）", k.Risks }),
            .. r.Decisions.Select(d => new object?[] { r.FiscalYear, $"decision.{d.Decision}", $"Decisions, {d.Decision}", $"判断（{d.Decision}）", d.Projects }),
        ]);
}
