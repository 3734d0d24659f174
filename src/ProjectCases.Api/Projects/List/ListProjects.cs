using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.CompanyView;
using ProjectCases.Projects.Status;
using Wolverine.Http;

namespace ProjectCases.Projects.List;

/// <summary>One row of the project list.</summary>
public sealed record ProjectListItem(
    Guid Id, string Name, string? NameJa, string Country, IReadOnlyList<string> Countries, string Region, Sector Sector,
    Financing Financing, Ministry? Ministry, ProjectStage Stage, ProjectStatusValue? Status, long Version, DateOnly? LastActivityOn);

public static class ListProjectsEndpoint
{
    /// <summary>
    /// Filters `country` (any of the project's countries), `region` (the primary country's), `sector`, `stage`,
    /// `status`, `ministry`, `financing`, `from` / `to` (last activity, inclusive), `q` (English or Japanese name);
    /// ordered by name, then id. Any other parameter, or a value outside a filter's vocabulary, is a 400.
    /// Company users list and search every project too (to pick the one they report on), each in the company view.
    /// </summary>
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
        if (country is not null && !Countries.IsKnown(country)) query.AddError("country", $"'{country}' is not an ISO 3166-1 alpha-2 country code.");
        if (region is not null)
        {
            region = Countries.Regions.FirstOrDefault(r => string.Equals(r, region, StringComparison.OrdinalIgnoreCase))
                     ?? query.Refuse<string>("region", $"'{region}' is not a region. Allowed values: {string.Join(", ", Countries.Regions)}.");
        }
        if (from is not null && to is not null && from > to) query.AddError("to", $"must be on or after from ({from:yyyy-MM-dd}).");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        IQueryable<ProjectStatus> projects = session.Query<ProjectStatus>();
        if (country is not null) projects = projects.Where(p => p.Countries.Contains(country));
        if (region is not null) projects = projects.Where(p => p.Region == region);
        if (sector is not null) projects = projects.Where(p => p.Sector == sector.Value);
        if (stage is not null) projects = projects.Where(p => p.Stage == stage.Value);
        if (status is not null) projects = projects.Where(p => p.Status == status.Value);
        if (ministry is not null) projects = projects.Where(p => p.Ministry == ministry.Value);
        if (financing is not null) projects = projects.Where(p => p.Financing == financing.Value);
        if (from is not null) projects = projects.Where(p => p.LastActivityOn >= from.Value);
        if (to is not null) projects = projects.Where(p => p.LastActivityOn <= to.Value);
        if (text is not null)
        {
            projects = projects.Where(p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                                           || (p.NameJa != null && p.NameJa.Contains(text, StringComparison.OrdinalIgnoreCase)));
        }

        if (CompanyProjects.CompanyOf(context.User) is { } company)
        {
            var catalogue = await projects.OrderBy(p => p.Name).ThenBy(p => p.Id).ToPagedListAsync(page, pageSize, ct);
            var ownCases = await CompanyProjects.OwnCasesAsync(session, company, [.. catalogue.Select(p => p.Id)], ct);
            return Results.Ok(new ListPage<CompanyProjectView>([.. catalogue.Select(p => CompanyProjectView.For(p, ownCases))], page, pageSize,
                catalogue.TotalItemCount));
        }
        // Only the row's columns leave PostgreSQL, not the whole document (touchpoints, tenders, awards...).
        var found = await projects.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProjectListItem(p.Id, p.Name, p.NameJa, p.Country, p.Countries, p.Region, p.Sector, p.Financing,
                p.Ministry, p.Stage, p.Status, p.Version, p.LastActivityOn))
            .ToPagedListAsync(page, pageSize, ct);
        return Results.Ok(new ListPage<ProjectListItem>([.. found], page, pageSize, found.TotalItemCount));
    }
}
