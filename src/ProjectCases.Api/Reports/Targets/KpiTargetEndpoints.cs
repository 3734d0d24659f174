using ProjectCases.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Errors;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Reports.Kpi;
using Wolverine.Http;

namespace ProjectCases.Reports.Targets;

/// <param name="Targets">indicator key → target; null removes the year's target for that key.</param>
public sealed record SetKpiTargets(
    [property: Required] IReadOnlyDictionary<string, decimal?>? Targets,
    [property: Required, StringLength(1000, MinimumLength = 1)] string Reason);

/// <summary>The effective targets of a fiscal year, and where each comes from ("file" or "admin").</summary>
public sealed record KpiTargetsView(int FiscalYear, Ministry Ministry, long Version, IReadOnlyList<KpiTargetLine> Targets);

public sealed record KpiTargetLine(string Key, decimal Target, string Source);

public static class KpiTargetEndpoints
{
    /// <summary>A year's worth of the largest amounts (Projects/Amounts): beyond it a target is a typing mistake.</summary>
    public const decimal MaxTarget = Projects.Amounts.MaxInCurrency;

    [ProducesResponseType<KpiTargetsView>(200)]
    [Query("ministry", typeof(Ministry), "The ministry whose targets these are.", Required = true)]
    [WolverineGet("/api/reports/targets/{fiscalYear}", OperationId = "GetKpiTargets"), Authorize(Roles = Roles.ReportReaders)]
    public static async Task<IResult> Get(int fiscalYear, HttpContext context, IQuerySession session, KpiTargets targets, CancellationToken ct)
    {
        if (OutOfRange(fiscalYear) is { } problem) return problem;
        if (MinistryOf(context) is not { } ministry) return Results.Problem(new QueryParameters(context.Request).Problem() ?? MinistryRequired());
        var overrides = await session.LoadAsync<KpiTargetOverrides>(KpiTargetStreams.IdOf(fiscalYear, ministry), ct);
        return Results.Ok(View(fiscalYear, ministry, overrides?.Version ?? 0, overrides?.Targets ?? [], targets));
    }

    /// <summary>The `ministry` whose targets are meant (required); null when missing or not a ministry (the caller answers 400).</summary>
    private static Ministry? MinistryOf(HttpContext context)
    {
        var query = new QueryParameters(context.Request);
        var ministry = query.Enum<Ministry>("ministry");
        return query.Problem() is null ? ministry : null;
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails MinistryRequired() =>
        FieldErrors.Problem([("ministry", $"is required: targets belong to a ministry. Allowed values: {string.Join(", ", Enum.GetNames<Ministry>())}.")], jsonPaths: true);

    /// <summary>Sets (or removes) targets of one fiscal year, recorded as a KpiTargetsSet event with who, when and why.</summary>
    [ProducesResponseType<KpiTargetsView>(200), AcceptsIfMatch]
    [Query("ministry", typeof(Ministry), "The ministry whose targets these are.", Required = true)]
    [WolverinePut("/api/reports/targets/{fiscalYear}", OperationId = "SetKpiTargets"), Authorize(Roles = Roles.Admin)]
    public static async Task<IResult> Put(int fiscalYear, SetKpiTargets command, HttpContext context, IDocumentSession session,
        KpiTargets targets, CancellationToken ct)
    {
        if (OutOfRange(fiscalYear) is { } problem) return problem;
        var ministry = MinistryOf(context);
        var errors = command.Targets!
            .Where(target => !KpiIndicators.Keys.Contains(target.Key) || target.Value is < 0 or > MaxTarget)
            .Select(target => KpiIndicators.Keys.Contains(target.Key)
                ? ($"targets.{target.Key}", "must be from 0 to 10^18 (or null to remove the target).")
                : ($"targets.{target.Key}", $"is not an indicator. Known indicators: {string.Join(", ", KpiIndicators.Keys)}."))
            .ToList();
        if (command.Targets!.Count == 0) errors.Add(("targets", "name at least one indicator."));
        // One 400 names every bad field: the body's and the query's.
        if (ministry is null)
            errors.Add(("ministry", $"is required, and one of: {string.Join(", ", Enum.GetNames<Ministry>())} (targets belong to a ministry)."));
        if (errors.Count > 0 || ministry is null) return Results.Problem(FieldErrors.Problem(errors));

        var (expected, badHeader) = IfMatch.Read(context.Request);
        if (badHeader is not null) return Results.Problem(badHeader);
        var stream = await session.Events.FetchForWriting<KpiTargetOverrides>(KpiTargetStreams.IdOf(fiscalYear, ministry.Value), ct);
        var version = stream.CurrentVersion ?? 0;
        if (expected is not null && expected != version)
            return Results.Problem(statusCode: 412, title: "Stale version",
                detail: $"If-Match names version {expected}, but the targets of {ministry} for FY{fiscalYear} are at version {version}; read them again and retry.");

        stream.AppendOne(new KpiTargetsSet(fiscalYear, command.Targets!, command.Reason.Trim(), ministry.Value));
        var overrides = new Dictionary<string, decimal?>(stream.Aggregate?.Targets ?? []);
        foreach (var (key, target) in command.Targets!) overrides[key] = target;
        return WriteResults.Ok(View(fiscalYear, ministry.Value, version + 1, overrides, targets), version + 1);
    }

    private static KpiTargetsView View(int fiscalYear, Ministry ministry, long version, IReadOnlyDictionary<string, decimal?> overrides, KpiTargets targets) =>
        new(fiscalYear, ministry, version,
        [
            .. targets.Effective(ministry, fiscalYear, overrides).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
                new KpiTargetLine(t.Key, t.Value, overrides.ContainsKey(t.Key) ? "admin" : "file")),
        ]);

    private static IResult? OutOfRange(int fiscalYear) =>
        fiscalYear is < FiscalYear.Earliest or > FiscalYear.Latest
            ? Results.Problem(FieldErrors.Problem([("fiscalYear", $"must be a fiscal year from {FiscalYear.Earliest} to {FiscalYear.Latest}.")]))
            : null;
}
