using Microsoft.AspNetCore.Mvc;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.CompanyView;
using ProjectCases.Projects.Status;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Projects.List;

/// <summary>One row of the project list.</summary>
public sealed record ProjectListItem(
    Guid Id, string Name, string? NameJa, string Country, IReadOnlyList<string> Countries, string Region, Sector Sector,
    Financing Financing, Ministry? Ministry, ProjectStage Stage, ProjectStatusValue? Status, long Version, DateOnly? LastActivityOn);

/// <summary>The list's filters; null means "any". Text matches either language's name; from/to bound the last activity.</summary>
public sealed record ProjectFilter(
    string? Country = null, string? Region = null, Sector? Sector = null, ProjectStage? Stage = null, ProjectStatusValue? Status = null,
    string? Text = null, Ministry? Ministry = null, Financing? Financing = null, DateOnly? From = null, DateOnly? To = null);

public static class ListProjectsEndpoint
{
    /// <summary>
    /// Filters `country` (any of the project's countries), `region` (the primary country's), `sector`, `stage`,
    /// `status`, `ministry`, `financing`, `from` / `to` (last activity, inclusive), `q` (English or Japanese name);
    /// ordered by name, then id. Any other parameter, or a value outside a filter's vocabulary, is a 400.
    /// Company users list and search every project too (to pick the one they report on), each in the company view.
    /// </summary>
    [Query("country", typeof(string), "Only projects in this country (any of the project's countries): ISO 3166-1 alpha-2 code, e.g. VN.")]
    [RegionQuery]
    [Query("sector", typeof(Sector), "Only projects of this sector.")]
    [Query("stage", typeof(ProjectStage), "Only projects at this stage.")]
    [Query("status", typeof(ProjectStatusValue), "Only projects with this status.")]
    [Query("ministry", typeof(Ministry), "Only projects of this ministry.")]
    [Query("financing", typeof(Financing), "Only projects with this financing.")]
    [Query("from", typeof(DateOnly), "Only projects last active on or after this date.")]
    [Query("to", typeof(DateOnly), "Only projects last active on or before this date (not before from).")]
    [Query("q", typeof(string), "Part of the English or Japanese name (case-insensitive).")]
    [Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<ProjectListItem>>(200)]
    [WolverineGet("/api/projects"), Authorize(Roles = Roles.ProjectReaders)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var country = query.Text("country")?.ToUpperInvariant();
        var region = query.Text("region");
        var sector = query.Enum<Sector>("sector");
        var stage = query.Enum<ProjectStage>("stage");
        var status = query.Enum<ProjectStatusValue>("status");
        var ministry = query.Enum<Ministry>("ministry");
        var financing = query.Enum<Financing>("financing");
        var from = query.Date("from");
        var to = query.Date("to");
        var text = query.Text("q");
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (country is not null && !Countries.IsKnown(country)) query.AddError("country", $"'{country}' is not an ISO 3166-1 alpha-2 country code.");
        if (region is not null)
        {
            region = Countries.Regions.FirstOrDefault(r => string.Equals(r, region, StringComparison.OrdinalIgnoreCase))
                     ?? query.Refuse<string>("region", $"'{region}' is not a region. Allowed values: {string.Join(", ", Countries.Regions)}.");
        }
        if (from is not null && to is not null && from > to) query.AddError("to", $"must be on or after from ({from:yyyy-MM-dd}).");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var filter = new ProjectFilter(country, region, sector, stage, status, text, ministry, financing, from, to);
        if (format is { } file)
        {
            return CompanyProjects.CompanyOf(context.User) is { } own
                ? ListExport.AllPages(file, "projects", (p, size) => QueryForCompanyAsync(session, own, filter, p, size, ct))
                : ListExport.AllPages(file, "projects", (p, size) => QueryAsync(session, filter, p, size, ct));
        }
        return CompanyProjects.CompanyOf(context.User) is { } company
            ? Results.Ok(await QueryForCompanyAsync(session, company, filter, page, pageSize, ct))
            : Results.Ok(await QueryAsync(session, filter, page, pageSize, ct));
    }

    /// <summary>One page of the list; also read by the web console.</summary>
    public static async Task<ListPage<ProjectListItem>> QueryAsync(IQuerySession session, ProjectFilter filter, int page, int pageSize, CancellationToken ct)
    {
        // Only the row's columns leave PostgreSQL, not the whole document (touchpoints, tenders, awards...).
        var found = await Filtered(session, filter).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProjectListItem(p.Id, p.Name, p.NameJa, p.Country, p.Countries, p.Region, p.Sector, p.Financing,
                p.Ministry, p.Stage, p.Status, p.Version, p.LastActivityOn))
            .ToPagedListAsync(page, pageSize, ct);
        return new ListPage<ProjectListItem>([.. found], page, pageSize, found.TotalItemCount);
    }

    /// <summary>One page in the company view (catalogue fields and the company's own cases); also read by the web console.</summary>
    public static async Task<ListPage<CompanyProjectView>> QueryForCompanyAsync(IQuerySession session, string company, ProjectFilter filter,
        int page, int pageSize, CancellationToken ct)
    {
        // Only the catalogue columns leave PostgreSQL, as for the ministry's list.
        var catalogue = await Filtered(session, filter).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new CatalogueEntry(p.Id, p.Name, p.NameJa, p.Country, p.Region, p.Sector, p.Stage, p.Status))
            .ToPagedListAsync(page, pageSize, ct);
        var ownCases = await CompanyProjects.OwnCasesAsync(session, company, [.. catalogue.Select(p => p.Id)], ct);
        return new ListPage<CompanyProjectView>([.. catalogue.Select(p => CompanyProjectView.For(p, ownCases))], page, pageSize,
            catalogue.TotalItemCount);
    }

    private static IQueryable<ProjectStatus> Filtered(IQuerySession session, ProjectFilter f)
    {
        // A project registered by mistake and voided is in no list (its history stays readable).
        IQueryable<ProjectStatus> projects = session.Query<ProjectStatus>().Where(p => !p.Voided);
        if (f.Country is { } country) projects = projects.Where(p => p.Countries.Contains(country));
        if (f.Region is { } region) projects = projects.Where(p => p.Region == region);
        if (f.Sector is { } sector) projects = projects.Where(p => p.Sector == sector);
        if (f.Stage is { } stage) projects = projects.Where(p => p.Stage == stage);
        if (f.Status is { } status) projects = projects.Where(p => p.Status == status);
        if (f.Ministry is { } ministry) projects = projects.Where(p => p.Ministry == ministry);
        if (f.Financing is { } financing) projects = projects.Where(p => p.Financing == financing);
        if (f.From is { } from) projects = projects.Where(p => p.LastActivityOn >= from);
        if (f.To is { } to) projects = projects.Where(p => p.LastActivityOn <= to);
        if (f.Text is { } text)
        {
            projects = projects.Where(p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                                           || (p.NameJa != null && p.NameJa.Contains(text, StringComparison.OrdinalIgnoreCase)));
        }
        return projects;
    }
}
