using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.OpenApi;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using Wolverine.Http;

namespace ProjectCases.Engagements;

/// <summary>The list's filters; null means "any". From/to bound the business date (inclusive).</summary>
public sealed record EngagementFilter(string? Country = null, Ministry? Ministry = null, DateOnly? From = null, DateOnly? To = null, Guid? ProjectId = null);

public static class ListEngagementsEndpoint
{
    /// <summary>Readers: the ministries' roles (as for reports and history). Company users see no engagements.</summary>
    public const string Readers = Roles.Officer + "," + Roles.Auditor + "," + Roles.Admin;

    /// <summary>Filters `country`, `ministry`, `from`, `to`, `projectId`; newest first; voided engagements are not listed. Any other parameter or a bad value is a 400.</summary>
    [Query("country", typeof(string), "Only engagements with this country: ISO 3166-1 alpha-2 code, e.g. VN.")]
    [Query("ministry", typeof(Ministry), "Only this ministry's engagements.")]
    [Query("from", typeof(DateOnly), "Only engagements on or after this day.")]
    [Query("to", typeof(DateOnly), "Only engagements on or before this day.")]
    [Query("projectId", typeof(Guid), "Only engagements linked to this project."), Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<Engagement>>(200)]
    [WolverineGet("/api/engagements", OperationId = "ListEngagements"), Authorize(Roles = Readers)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var country = query.Text("country")?.ToUpperInvariant();
        var ministry = query.Enum<Ministry>("ministry");
        var from = query.Date("from");
        var to = query.Date("to");
        var projectId = query.Guid("projectId");
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (country is not null && !Countries.IsKnown(country)) query.AddError("country", $"'{country}' is not an ISO 3166-1 alpha-2 country code.");
        if (from is not null && to is not null && from > to) query.AddError("to", $"must be on or after from ({from:yyyy-MM-dd}).");
        if (query.Problem() is { } problem) return Results.Problem(problem);
        var filter = new EngagementFilter(country, ministry, from, to, projectId);
        if (format is { } file) return ListExport.AllPages(file, "engagements", (p, size) => QueryAsync(session, filter, p, size, ct));
        return Results.Ok(await QueryAsync(session, filter, page, pageSize, ct));
    }

    /// <summary>One page of the list; also read by the web console.</summary>
    public static async Task<ListPage<Engagement>> QueryAsync(IQuerySession session, EngagementFilter f, int page, int pageSize, CancellationToken ct)
    {
        // A voided engagement was recorded by mistake: only its own address shows it.
        IQueryable<Engagement> found = session.Query<Engagement>().Where(e => !e.Voided);
        if (f.Country is { } country) found = found.Where(e => e.Country == country);
        if (f.Ministry is { } ministry) found = found.Where(e => e.Ministry == ministry);
        if (f.From is { } from) found = found.Where(e => e.On >= from);
        if (f.To is { } to) found = found.Where(e => e.On <= to);
        if (f.ProjectId is { } projectId) found = found.Where(e => e.ProjectIds.Contains(projectId));
        var paged = await found.OrderByDescending(e => e.On).ThenByDescending(e => e.Id).ToPagedListAsync(page, pageSize, ct);
        return new ListPage<Engagement>([.. paged], page, pageSize, paged.TotalItemCount);
    }
}
