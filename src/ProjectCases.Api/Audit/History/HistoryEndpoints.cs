using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Audit.Sealing;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles.Cases;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Audit.History;

/// <summary>
/// Every event of a project or a trouble case, and the check of its hash chain. Company users are let
/// through the role check only to be answered 404, as for anything else that is not theirs.
/// </summary>
public static class HistoryEndpoints
{
    private const string CompanyToo = "," + Roles.Company;

    [Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<HistoryItem>>(200)]
    [WolverineGet("/api/projects/{id}/history"), Authorize(Roles = Roles.HistoryReaders + CompanyToo)]
    public static async Task<IResult> ProjectHistory(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        if (context.User.IsInRole(Roles.Company) || await session.LoadAsync<ProjectStatus>(id, ct) is null) return Results.Problem(ProjectWriteModel.NotFound(id));
        return await Page(id, "project-history", context, session, ct);
    }

    [Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<HistoryItem>>(200)]
    [WolverineGet("/api/troubles/{id}/history"), Authorize(Roles = Roles.Hotline + "," + Roles.Auditor + "," + Roles.Admin + CompanyToo)]
    public static async Task<IResult> TroubleHistory(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        if (context.User.IsInRole(Roles.Company) || await session.LoadAsync<TroubleCase>(id, ct) is null) return TroubleAccess.NotFound(id);
        return await Page(id, "case-history", context, session, ct);
    }

    [ProducesResponseType<ChainVerdict>(200)]
    [WolverineGet("/api/projects/{id}/history/verify"), Authorize(Roles = Roles.Auditor + "," + Roles.Admin)]
    public static async Task<IResult> VerifyProject(Guid id, IQuerySession session, ChainVerifier verifier, CancellationToken ct) =>
        await session.LoadAsync<ProjectStatus>(id, ct) is null ? Results.Problem(ProjectWriteModel.NotFound(id)) : Results.Ok(await verifier.VerifyAsync(id, ct));

    [ProducesResponseType<ChainVerdict>(200)]
    [WolverineGet("/api/troubles/{id}/history/verify"), Authorize(Roles = Roles.Auditor + "," + Roles.Admin)]
    public static async Task<IResult> VerifyTrouble(Guid id, IQuerySession session, ChainVerifier verifier, CancellationToken ct) =>
        await session.LoadAsync<TroubleCase>(id, ct) is null ? TroubleAccess.NotFound(id) : Results.Ok(await verifier.VerifyAsync(id, ct));

    private static async Task<IResult> Page(Guid id, string list, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);
        if (format is { } file) return ListExport.AllPages(file, $"{list}-{id}", (p, size) => StreamHistory.ReadAsync(session, id, p, size, ct));
        return Results.Ok(await StreamHistory.ReadAsync(session, id, page, pageSize, ct));
    }
}
