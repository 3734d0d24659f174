using System.Security.Claims;
using Marten;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Organisations;

/// <summary>
/// GET /api/organisations/{id}: the organisation, its names over time, its members (a joint venture) or the joint
/// ventures it belongs to, and what the record says about it: the projects whose facts name it, the awards it won
/// (itself or through a joint venture, `via`), the touchpoints it was the counterpart of, and the cases it, its joint
/// ventures or (for a joint venture) its members reported that the caller may read. A company user sees its own cases only and nothing of the ministry's record.
/// </summary>
public sealed record OrganisationPage(
    Guid Id, long? Version, string Name, string? NameJa, OrganisationKind Kind, string Country,
    IReadOnlyList<OrganisationLink> Members, IReadOnlyList<OrganisationLink> MemberOf, IReadOnlyList<OrganisationName> Names,
    IReadOnlyList<OrganisationProject> Projects, IReadOnlyList<OrganisationAward> Awards, IReadOnlyList<OrganisationTouchpoint> Touchpoints,
    IReadOnlyList<OrganisationCase> Cases)
{
    public static async Task<OrganisationPage> ReadAsync(IQuerySession session, Organisation o, ClaimsPrincipal user, CancellationToken ct)
    {
        var members = o.MemberIds.Count == 0 ? [] : await session.Query<Organisation>().Where(m => o.MemberIds.Contains(m.Id)).ToListAsync(ct);
        var memberOf = await session.Query<Organisation>().Where(j => j.MemberIds.Contains(o.Id)).ToListAsync(ct);
        Guid[] named = [o.Id, .. memberOf.Select(j => j.Id)];

        // A joint venture's cases include those its member companies reported (on the JV's contracts).
        Guid[] reporters = [.. named, .. o.MemberIds];
        var company = TroubleAccess.CompanyOf(user);
        var cases = (await session.Query<TroubleCase>().Where(c => c.ReporterOrganisationId != null && reporters.Contains(c.ReporterOrganisationId.Value))
                .OrderByDescending(c => c.ReportedAt).Take(500).ToListAsync(ct))
            .Where(c => TroubleAccess.CanSee(user, c)).ToList();

        var projects = new Dictionary<Guid, ProjectStatus>();
        if (company is null)
            foreach (var id in named)
                foreach (var p in await session.Query<ProjectStatus>().Where(p => p.OrganisationIds.Contains(id) && !p.Voided).ToListAsync(ct))
                    projects[p.Id] = p;
        var caseProjects = cases.Select(c => c.ProjectId).Where(id => !projects.ContainsKey(id)).Distinct().ToArray();
        foreach (var p in caseProjects.Length == 0 ? [] : await session.Query<ProjectStatus>().Where(p => caseProjects.Contains(p.Id) && !p.Voided).ToListAsync(ct))
            projects[p.Id] = p;

        var ordered = projects.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var names = named.ToHashSet();
        return new OrganisationPage(o.Id, company is null ? o.Version : null, o.Name, o.NameJa, o.Kind, o.Country,
            [.. members.OrderBy(m => m.Name, StringComparer.Ordinal).Select(OrganisationLink.Of)],
            [.. memberOf.OrderBy(j => j.Name, StringComparer.Ordinal).Select(OrganisationLink.Of)],
            o.Names,
            [.. ordered.Select(p => new OrganisationProject(p.Id, p.Name, p.NameJa, p.Country))],
            company is not null ? [] : [.. ordered.SelectMany(p => p.Awards.Where(a => a.WinnerId is { } w && names.Contains(w))
                .Select(a => new OrganisationAward(p.Id, p.Name, a.AwardId, a.Package, a.Winner, a.WinnerId!.Value, a.WinnerId == o.Id ? null : a.WinnerId,
                    a.JapaneseWinner, a.AmountJpy, a.AwardedOn)))
                .OrderByDescending(a => a.AwardedOn.Start)],
            company is not null ? [] : [.. ordered.SelectMany(p => p.Touchpoints.Where(t => t.CounterpartId == o.Id)
                .Select(t => new OrganisationTouchpoint(p.Id, p.Name, t.TouchpointId, t.Kind.ToString(), t.OccurredOn)))
                .OrderByDescending(t => t.OccurredOn.Start)],
            [.. cases.Select(c => new OrganisationCase(c.Id, c.ProjectId, c.Summary, c.Category, c.Status, c.ReporterCompany, c.ReportedAt))]);
    }
}

public sealed record OrganisationLink(Guid Id, string Name, string? NameJa, OrganisationKind Kind)
{
    public static OrganisationLink Of(Organisation o) => new(o.Id, o.Name, o.NameJa, o.Kind);
}

public sealed record OrganisationProject(Guid ProjectId, string Name, string? NameJa, string Country);

/// <summary>Via: the joint venture that won, when the organisation won as one of its members.</summary>
public sealed record OrganisationAward(Guid ProjectId, string ProjectName, Guid AwardId, string Package, string? Winner, Guid WinnerId, Guid? Via,
    bool JapaneseWinner, decimal? AmountJpy, BusinessDate AwardedOn);

public sealed record OrganisationTouchpoint(Guid ProjectId, string ProjectName, Guid TouchpointId, string Kind, BusinessDate OccurredOn);

public sealed record OrganisationCase(Guid Id, Guid ProjectId, string Summary, TroubleCategory Category, TroubleStatus Status, string ReporterCompany,
    DateTimeOffset ReportedAt);
