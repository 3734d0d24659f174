using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Engagements;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Reports.Activity;
using ProjectCases.Reports.Csv;
using ProjectCases.Reports.Targets;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Reports.Kpi;

public static class GetKpiReportEndpoint
{
    /// <summary>
    /// The fiscal year's indicators; `ministry` scopes the activity to that ministry's projects and engagements and
    /// compares it with that ministry's targets (without it there are no targets: they belong to a ministry);
    /// `sector` scopes further; `countryRisk=exclude|isolate` leaves out, or counts alone, the projects under an open
    /// country risk at the year's end; `asOfToday=true` adds the in-year view. JSON, or CSV (one row per indicator).
    /// </summary>
    [FiscalYearQuery, ReportFormatQuery]
    [Query("ministry", typeof(Ministry), "Only this ministry's projects and engagements, compared with this ministry's targets.")]
    [Query("sector", typeof(Sector), "Only projects and engagements of this sector.")]
    [Query("countryRisk", typeof(CountryRiskScope), CountryRiskQuery.Description)]
    [Query("asOfToday", typeof(bool), "true adds the in-year view: progress to date against the pro-rated target.")]
    [ProducesResponseType<KpiReport>(200)]
    [WolverineGet("/api/reports/kpi"), Authorize(Roles = Roles.ReportReaders)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, KpiTargets targets, TimeProvider clock, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var fiscalYear = query.FiscalYearParameter("fiscalYear");
        var ministry = query.Enum<Ministry>("ministry");
        var sector = query.Enum<Sector>("sector");
        var countryRisk = query.Enum<CountryRiskScope>("countryRisk") ?? CountryRiskScope.Include;
        var asOfToday = query.Bool("asOfToday");
        var format = ReportFormats.Read(context.Request, query);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var scope = new KpiScope(ministry, sector, asOfToday ? TokyoTime.Today(clock) : null, countryRisk);
        var report = await BuildAsync(session, targets, fiscalYear, scope, ct);
        if (format == ReportFormat.Json) return Results.Ok(report);
        string[] header = ["fiscalYear", "key", "label", "labelJa", "actual", "target", "grade"];
        return CsvFile.Result($"kpi-FY{fiscalYear}{(ministry is null ? "" : "-" + ministry)}{(sector is null ? "" : "-" + sector)}{CountryRiskQuery.FileSuffix(countryRisk)}.csv",
            asOfToday ? [.. header, "toDate", "proRatedTarget", "onTrack"] : header,
            report.Indicators.Select(line => new object?[] { fiscalYear, line.Key, line.Label, line.LabelJa, line.Actual, line.Target, line.Grade }
                .Concat(asOfToday ? [line.ToDate, line.ProRatedTarget, line.OnTrack is { } on ? (on ? "true" : "false") : null] : [])));
    }

    /// <summary>The report of one fiscal year in a scope; also read by the web console.</summary>
    public static async Task<KpiReport> BuildAsync(IQuerySession session, KpiTargets targets, int fiscalYear, KpiScope scope, CancellationToken ct)
    {
        var activity = new ActivityCounts();
        if (scope.IsScoped) activity.Add(await ScopedProjectActivityAsync(session, fiscalYear, scope, ct));
        else activity.Add(await session.LoadAsync<FiscalYearActivity>(fiscalYear, ct) ?? new FiscalYearActivity { Id = fiscalYear });

        // Engagements count once each, from their own documents (never from the copies on linked projects). They are
        // not projects, so never under a project's risk: they count with exclude and not with isolate.
        if (scope.CountryRisk == CountryRiskScope.Isolate)
            return KpiReport.Build(fiscalYear, activity, await TargetsAsync(session, targets, fiscalYear, scope, ct), scope);
        // A corrected engagement counts with its corrected values (its date's fiscal year, its ministry); a voided one not at all.
        IQueryable<Engagement> engagements = session.Query<Engagement>().Where(e => e.FiscalYear == fiscalYear && !e.Voided);
        if (scope.Ministry is { } ministry) engagements = engagements.Where(e => e.Ministry == ministry);
        if (scope.Sector is { } sector) engagements = engagements.Where(e => e.Sector == sector);
        foreach (var engagement in await engagements.ToListAsync(ct)) EngagementCounts.AddTo(activity, engagement);

        return KpiReport.Build(fiscalYear, activity, await TargetsAsync(session, targets, fiscalYear, scope, ct), scope);
    }

    private static async Task<IReadOnlyDictionary<string, decimal>> TargetsAsync(IQuerySession session, KpiTargets targets, int fiscalYear, KpiScope scope,
        CancellationToken ct) =>
        scope.Ministry is { } m
            ? targets.Effective(m, fiscalYear, (await session.LoadAsync<KpiTargetOverrides>(KpiTargetStreams.IdOf(fiscalYear, m), ct))?.Targets)
            : new Dictionary<string, decimal>();

    /// <summary>
    /// The year's activity of the projects in scope (their ministry and sector as they stand, their country risks as at
    /// the year's last day; voided projects are in no scope).
    /// </summary>
    private static async Task<ActivityCounts> ScopedProjectActivityAsync(IQuerySession session, int fiscalYear, KpiScope scope, CancellationToken ct)
    {
        IQueryable<ProjectStatus> projects = session.Query<ProjectStatus>().Where(p => !p.Voided);
        if (scope.Ministry is { } ministry) projects = projects.Where(p => p.Ministry == ministry);
        if (scope.Sector is { } sector) projects = projects.Where(p => p.Sector == sector);
        var ids = (await projects.Select(p => p.Id).ToListAsync(ct)).ToArray();
        if (scope.CountryRisk != CountryRiskScope.Include)
        {
            var underRisk = await ProjectsUnderRisk.LoadAsync(session, ct);
            ids = [.. ids.Where(id => underRisk.Counts(scope.CountryRisk, id, FiscalYear.LastDay(fiscalYear)))];
        }
        var sum = new ActivityCounts();
        if (ids.Length == 0) return sum;
        foreach (var year in await session.Query<ProjectYearActivity>().Where(a => a.FiscalYear == fiscalYear && a.ProjectId.IsOneOf(ids)).ToListAsync(ct))
            sum.Add(year);
        return sum;
    }
}

/// <summary>How an engagement counts: a touchpoint by its kind, an agreement by its level.</summary>
public static class EngagementCounts
{
    public static void AddTo(ActivityCounts counts, Engagement engagement)
    {
        if (engagement.Touchpoint is { } t) counts.Touchpoints[t.Kind] = counts.Touchpoints.GetValueOrDefault(t.Kind) + 1;
        else if (engagement.Agreement is { Level: AgreementLevel.Political }) counts.PoliticalAgreements++;
        else if (engagement.Agreement is not null) counts.AdministrativeAgreements++;
    }
}
