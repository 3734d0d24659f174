using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.OpenApi;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using Wolverine.Http;

namespace ProjectCases.CountryRisks;

/// <summary>A risk with the projects it affects, as GET /api/country-risks and GET /api/country-risks/{id} show it.</summary>
public sealed record CountryRiskView(
    Guid Id, long Version, string Country, string Region, CountryRiskKind Kind, CountryRiskSeverity Severity, DateOnly ObservedOn, string Summary,
    CountryRiskState State, DateOnly? ClosedOn, string? ClosingSummary, IReadOnlyList<CountryRiskUpdate> Updates, IReadOnlyList<Guid> ProjectIds,
    IReadOnlyList<AffectedProject> AffectedProjects)
{
    public static CountryRiskView Of(CountryRisk r, IEnumerable<ProjectStatus> linked) => Of(r, linked.Select(LinkedProject.Of));

    public static CountryRiskView Of(CountryRisk r, IEnumerable<LinkedProject> linked) => new(
        r.Id, r.Version, r.Country, r.Region, r.Kind, r.Severity, r.ObservedOn, r.Summary, r.State, r.ClosedOn, r.ClosingSummary, r.Updates, r.ProjectIds,
        [.. linked.Where(p => p.Risks.Exists(x => x.RiskId == r.Id)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => AffectedProject.Of(r.Id, p))]);
}

/// <summary>The columns of a linked project that the risk's views show (selected in PostgreSQL, not the whole project).</summary>
public sealed record LinkedProject(Guid Id, string Name, ProjectStage Stage, ProjectStatusValue? Status, List<ProjectRiskEntry> Risks)
{
    public static LinkedProject Of(ProjectStatus p) => new(p.Id, p.Name, p.Stage, p.Status, p.Risks);
}

public sealed record AffectedProject(Guid ProjectId, string Name, ProjectStage Stage, ProjectStatusValue? Status, RiskDecisionKind? Decision, DateOnly? ReviewOn)
{
    public static AffectedProject Of(Guid riskId, LinkedProject p)
    {
        var link = p.Risks.Find(r => r.RiskId == riskId);
        return new AffectedProject(p.Id, p.Name, p.Stage, p.Status, link?.Decision, link?.ReviewOn);
    }
}

public sealed record CountryRiskList(IReadOnlyList<CountryRiskView> Items);

/// <summary>Readers: the ministry's roles. Company users are not shown risks (the views count every company's cases).</summary>
public static class ReadCountryRisksEndpoints
{
    public const string Readers = Roles.Officer + "," + Roles.Hotline + "," + Roles.Auditor + "," + Roles.Admin;

    /// <summary>Open risks first, then the most recently observed.</summary>
    [ExportFormatQuery]
    [ProducesResponseType<CountryRiskList>(200)]
    [WolverineGet("/api/country-risks", OperationId = "ListCountryRisks"), Authorize(Roles = Readers)]
    public static async Task<IResult> List(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);
        var list = await ReadAsync(session, ct);
        return format is { } file ? ListExport.Rows(file, "country-risks", list.Items) : Results.Ok(list);
    }

    /// <summary>The list (at most 500 risks: there are tens, not thousands); also read by the web console.</summary>
    public static async Task<CountryRiskList> ReadAsync(IQuerySession session, CancellationToken ct)
    {
        var risks = await session.Query<CountryRisk>().OrderBy(r => r.StateRank).ThenByDescending(r => r.LatestObservedOn).Take(500).ToListAsync(ct);
        var linked = await LinkedRowsAsync(session, [.. risks.Select(r => r.Id)], ct);
        return new CountryRiskList([.. risks.Select(risk => CountryRiskView.Of(risk, linked))]);
    }

    [ProducesResponseType<CountryRiskView>(200)]
    [WolverineGet("/api/country-risks/{id}", OperationId = "GetCountryRisk"), Authorize(Roles = Readers)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CountryRisk>(id, ct) is { } risk
            ? Results.Ok(CountryRiskView.Of(risk, await LinkedRowsAsync(session, [id], ct)))
            : Results.Problem(CountryRiskWriteModel.NotFound(id));

    /// <summary>The projects linked to any of <paramref name="riskIds"/>, in one query, as the columns the views show.</summary>
    public static async Task<IReadOnlyList<LinkedProject>> LinkedRowsAsync(IQuerySession session, Guid[] riskIds, CancellationToken ct) =>
        riskIds.Length == 0 ? [] : await session.Query<ProjectStatus>().Where(p => p.RiskIds.Any(r => riskIds.Contains(r)))
            .Select(p => new LinkedProject(p.Id, p.Name, p.Stage, p.Status, p.Risks)).ToListAsync(ct);

    /// <summary>The projects linked to the risk, whole (the board shows their awards; their inline documents list the risks they were linked to).</summary>
    public static async Task<IReadOnlyList<ProjectStatus>> LinkedAsync(IQuerySession session, Guid riskId, CancellationToken ct) =>
        await session.Query<ProjectStatus>().Where(p => p.RiskIds.Contains(riskId)).ToListAsync(ct);
}
