using Microsoft.AspNetCore.Mvc;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
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
    [Paged]
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
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var company = TroubleAccess.CompanyOf(context.User);
        IQueryable<TroubleCase> cases = session.Query<TroubleCase>();
        if (company is not null) cases = cases.Where(c => c.ReporterCompany == company);
        if (status is not null) cases = cases.Where(c => c.Status == status.Value);
        if (category is not null) cases = cases.Where(c => c.Category == category.Value);
        if (priority is not null) cases = cases.Where(c => c.Priority == priority.Value);
        if (projectId is not null) cases = cases.Where(c => c.ProjectId == projectId.Value);

        var found = await cases.OrderByDescending(c => c.ReportedAt).ThenBy(c => c.Id).ToPagedListAsync(page, pageSize, ct);
        if (company is not null)
            return Results.Ok(new ListPage<CompanyCaseView>([.. found.Select(CompanyCaseView.For)], page, pageSize, found.TotalItemCount));
        var now = clock.GetUtcNow();
        return Results.Ok(new ListPage<TroubleCaseView>([.. found.Select(c => TroubleCaseView.For(c, now))], page, pageSize, found.TotalItemCount));
    }
}
