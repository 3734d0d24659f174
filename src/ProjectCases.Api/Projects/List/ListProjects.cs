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
    Guid Id, string Name, string? NameJa, string Country, string Region, Sector Sector, Financing Financing,
    ProjectStage Stage, ProjectStatusValue? Status, long Version, DateOnly? LastActivityOn);

public static class ListProjectsEndpoint
{
    /// <summary>
    /// Filters `country`, `sector`, `stage`, `status`, `q` (English or Japanese name); ordered by name, then id.
    /// Company users list and search every project too (to pick the one they report on), each in the company view.
    /// </summary>
    [WolverineGet("/api/projects"), Authorize(Roles = Roles.ProjectReaders)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var country = query.Text("country")?.ToUpperInvariant();
        var sector = query.Enum<Sector>("sector");
        var stage = query.Enum<ProjectStage>("stage");
        var status = query.Enum<ProjectStatusValue>("status");
        var text = query.Text("q");
        var (page, pageSize) = query.Paging();
        if (country is not null && !Countries.IsKnown(country)) query.AddError("country", $"'{country}' is not an ISO 3166-1 alpha-2 country code.");
        if (query.Problem() is { } problem) return Results.Problem(problem);

        // A project registered by mistake and voided is in no list (its history stays readable).
        IQueryable<ProjectStatus> projects = session.Query<ProjectStatus>().Where(p => !p.Voided);
        if (country is not null) projects = projects.Where(p => p.Country == country);
        if (sector is not null) projects = projects.Where(p => p.Sector == sector.Value);
        if (stage is not null) projects = projects.Where(p => p.Stage == stage.Value);
        if (status is not null) projects = projects.Where(p => p.Status == status.Value);
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
            .Select(p => new ProjectListItem(p.Id, p.Name, p.NameJa, p.Country, p.Region, p.Sector, p.Financing,
                p.Stage, p.Status, p.Version, p.LastActivityOn))
            .ToPagedListAsync(page, pageSize, ct);
        return Results.Ok(new ListPage<ProjectListItem>([.. found], page, pageSize, found.TotalItemCount));
    }
}
