using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Troubles.Cases;

public static class ListTroublesEndpoint
{
    /// <summary>Filters `status`, `category`, `priority`, `projectId`; newest first. Company users see only their own cases.</summary>
    [Query("status", typeof(TroubleStatus), "Only cases with this status.")]
    [Query("category", typeof(TroubleCategory), "Only cases of this category.")]
    [Query("priority", typeof(Priority), "Only cases of this priority.")]
    [Query("projectId", typeof(Guid), "Only cases of this project.")]
    [Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<TroubleCaseView>>(200)]
    [WolverineGet("/api/troubles"), Authorize(Roles = Roles.Hotline + "," + Roles.Auditor + "," + Roles.Company)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var status = query.Enum<TroubleStatus>("status");
        var category = query.Enum<TroubleCategory>("category");
        var priority = query.Enum<Priority>("priority");
        var projectId = query.Guid("projectId");
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var now = clock.GetUtcNow();
        if (format is { } file)
        {
            // The same reader as the pages below, so a company's file holds only its own cases, in the company view.
            return TroubleAccess.CompanyOf(context.User) is not null
                ? ListExport.AllPages(file, "cases", async (p, size) =>
                {
                    var own = await QueryAsync(session, context.User, status, category, priority, projectId, now, p, size, ct);
                    return new ListPage<CompanyCaseView>([.. own.Cases.Select(CompanyCaseView.For)], p, size, own.Page.Total);
                })
                : ListExport.AllPages(file, "cases", async (p, size) =>
                    (await QueryAsync(session, context.User, status, category, priority, projectId, now, p, size, ct)).Page);
        }
        if (TroubleAccess.CompanyOf(context.User) is not null)
        {
            var own = await QueryAsync(session, context.User, status, category, priority, projectId, clock.GetUtcNow(), page, pageSize, ct);
            return Results.Ok(new ListPage<CompanyCaseView>([.. own.Cases.Select(CompanyCaseView.For)], page, pageSize, own.Page.Total));
        }
        var found = await QueryAsync(session, context.User, status, category, priority, projectId, clock.GetUtcNow(), page, pageSize, ct);
        return Results.Ok(found.Page);
    }

    /// <summary>
    /// One page of the cases <paramref name="user"/> may see (a company only its own), as views and as the documents
    /// (for the company view); also read by the web console. A company's views carry no version, assignee,
    /// first-response instant, overdue flag or internal line, as in <see cref="CompanyCaseView"/>.
    /// </summary>
    public static async Task<(ListPage<TroubleCaseView> Page, IReadOnlyList<TroubleCase> Cases)> QueryAsync(IQuerySession session, ClaimsPrincipal user,
        TroubleStatus? status, TroubleCategory? category, Priority? priority, Guid? projectId, DateTimeOffset now, int page, int pageSize, CancellationToken ct)
    {
        IQueryable<TroubleCase> cases = session.Query<TroubleCase>();
        var company = TroubleAccess.CompanyOf(user);
        if (company is not null) cases = cases.Where(c => c.ReporterCompany == company);
        if (status is not null) cases = cases.Where(c => c.Status == status.Value);
        if (category is not null) cases = cases.Where(c => c.Category == category.Value);
        if (priority is not null) cases = cases.Where(c => c.Priority == priority.Value);
        if (projectId is not null) cases = cases.Where(c => c.ProjectId == projectId.Value);

        var found = await cases.OrderByDescending(c => c.ReportedAt).ThenBy(c => c.Id).ToPagedListAsync(page, pageSize, ct);
        var views = found.Select(c => TroubleCaseView.For(c, now))
            .Select(v => company is null ? v : v.AsCompanySees());
        return (new ListPage<TroubleCaseView>([.. views], page, pageSize, found.TotalItemCount), [.. found]);
    }
}
