using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.OpenApi;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Audit.History;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Organisations;

public sealed record OrganisationRow(Guid Id, long Version, string Name, string? NameJa, OrganisationKind Kind, string Country, IReadOnlyList<Guid> MemberIds)
{
    public static OrganisationRow Of(Organisation o) => new(o.Id, o.Version, o.Name, o.NameJa, o.Kind, o.Country, o.MemberIds);
}

public static class ReadOrganisationsEndpoints
{
    /// <summary>Filters `q` (part of the name in either script, normalised as the duplicate check does) and `kind`; by name.</summary>
    [Query("q", typeof(string), "Part of the name, in either script (normalised as the duplicate check does)."), Paged]
    [Query("kind", typeof(OrganisationKind), "Only organisations of this kind."), ExportFormatQuery]
    [ProducesResponseType<ListPage<OrganisationRow>>(200)]
    [WolverineGet("/api/organisations", OperationId = "ListOrganisations"), Authorize(Roles = Roles.InternalReaders)]
    public static async Task<IResult> List(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var q = query.Text("q");
        var kind = query.Enum<OrganisationKind>("kind");
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        if (format is { } file) return ListExport.AllPages(file, "organisations", (p, size) => QueryAsync(session, q, kind, p, size, ct));
        return Results.Ok(await QueryAsync(session, q, kind, page, pageSize, ct));
    }

    /// <summary>One page of organisations by name.</summary>
    public static async Task<ListPage<OrganisationRow>> QueryAsync(IQuerySession session, string? q, OrganisationKind? kind, int page, int pageSize,
        CancellationToken ct)
    {
        IQueryable<Organisation> organisations = session.Query<Organisation>();
        if (kind is { } k) organisations = organisations.Where(o => o.Kind == k);
        if (q is not null)
        {
            var key = OrganisationNames.Normalise(q);
            organisations = organisations.Where(o => o.NameKey.Contains(key) || o.NameJaKey.Contains(key));
        }
        var found = await organisations.OrderBy(o => o.NameKey).ThenBy(o => o.Id).ToPagedListAsync(page, pageSize, ct);
        return new ListPage<OrganisationRow>([.. found.Select(OrganisationRow.Of)], page, pageSize, found.TotalItemCount);
    }

    /// <summary>A company user reads only its own organisation and the joint ventures it is a member of (404 for any other).</summary>
    [ProducesResponseType<OrganisationPage>(200)]
    [WolverineGet("/api/organisations/{id}", OperationId = "GetOrganisation"), Authorize(Roles = Roles.ProjectReaders)]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var organisation = await session.LoadAsync<Organisation>(id, ct);
        if (organisation is null || !await MayReadAsync(session, context, organisation, ct)) return Results.Problem(OrganisationWriteModel.NotFound(id));
        var page = await OrganisationPage.ReadAsync(session, organisation, context.User, ct);
        if (page.Version is { } version) context.Response.Headers.ETag = IfMatch.ETag(version);
        return Results.Ok(page);
    }

    /// <summary>Every event of the organisation's stream (its registration and renames), paged like every list.</summary>
    [Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<HistoryItem>>(200)]
    [WolverineGet("/api/organisations/{id}/history", OperationId = "OrganisationHistory"), Authorize(Roles = Roles.InternalReaders)]
    public static async Task<IResult> History(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);
        if (await session.LoadAsync<Organisation>(id, ct) is null) return Results.Problem(OrganisationWriteModel.NotFound(id));
        if (format is { } file) return ListExport.AllPages(file, $"organisation-history-{id}", (p, size) => StreamHistory.ReadAsync(session, id, p, size, ct));
        return Results.Ok(await StreamHistory.ReadAsync(session, id, page, pageSize, ct));
    }

    public static async Task<bool> MayReadAsync(IQuerySession session, HttpContext context, Organisation organisation, CancellationToken ct)
    {
        if (TroubleAccess.CompanyOf(context.User) is not { } company) return true;
        if (await OrganisationReferences.OfCompanyAsync(session, company, ct) is not { } own) return false;
        return own.Id == organisation.Id || organisation.MemberIds.Contains(own.Id);
    }
}
