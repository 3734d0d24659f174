using Marten;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Organisations;

namespace ProjectCases.WebConsole;

/// <summary>The companies and joint ventures on record, for the forms that may name one (award winner, reporting company).</summary>
public static class OrganisationChoices
{
    public static async Task<IReadOnlyList<SelectListItem>> CompaniesAsync(IQuerySession session, Guid? selected, CancellationToken ct) =>
        [.. (await session.Query<Organisation>().Where(o => o.Kind == OrganisationKind.Company || o.Kind == OrganisationKind.JointVenture)
                .OrderBy(o => o.NameKey).Take(500).ToListAsync(ct))
            .Select(o => new SelectListItem(ConsoleCulture.NameOf(o.Name, o.NameJa), o.Id.ToString(), o.Id == selected))];

    /// <summary>The name of the organisation picked, for a form whose free-text name was left empty.</summary>
    public static async Task<string?> NameAsync(IQuerySession session, Guid? id, CancellationToken ct) =>
        id is { } picked ? (await session.LoadAsync<Organisation>(picked, ct))?.Name : null;
}
