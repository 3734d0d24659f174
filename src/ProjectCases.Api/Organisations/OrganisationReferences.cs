using Marten;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Errors;

namespace ProjectCases.Organisations;

/// <summary>
/// The checks every write that names organisations shares: the ids exist (else 400 naming the field), a name is
/// nobody else's (409 naming the existing organisation), and which organisation a company's token stands for.
/// </summary>
public static class OrganisationReferences
{
    public const string Writers = Roles.Officer + "," + Roles.Hotline + "," + Roles.Admin;

    /// <summary>400 naming <paramref name="field"/> and the ids in it that are no organisation; null when all exist.</summary>
    public static async Task<ProblemDetails?> MissingAsync(IQuerySession session, string field, IEnumerable<Guid?>? ids, CancellationToken ct)
    {
        var named = (ids ?? []).OfType<Guid>().Distinct().ToArray();
        if (named.Length == 0) return null;
        var found = await session.Query<Organisation>().Where(o => named.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var missing = named.Except(found).ToList();
        return missing.Count == 0 ? null
            : FieldErrors.Problem([(field, $"no organisation {string.Join(", ", missing)} is on record; register it first or give the name as text.")]);
    }

    public static Task<ProblemDetails?> MissingAsync(IQuerySession session, string field, IEnumerable<Guid>? ids, CancellationToken ct) =>
        MissingAsync(session, field, ids?.Select(id => (Guid?)id), ct);

    /// <summary>409 naming the organisation (other than <paramref name="except"/>) that already carries one of these names, in either script.</summary>
    public static async Task<ProblemDetails?> DuplicateAsync(IQuerySession session, string? name, string? nameJa, Guid? except, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) return null; // the field check answers 400 first
        var keys = OrganisationNames.Keys(name, nameJa);
        var existing = await session.Query<Organisation>()
            .Where(o => keys.Contains(o.NameKey) || keys.Contains(o.NameJaKey))
            .OrderBy(o => o.NameKey).ToListAsync(ct);
        if (existing.FirstOrDefault(o => o.Id != except) is not { } same) return null;
        var problem = new ProblemDetails
        {
            Status = 409, Title = "Duplicate organisation",
            Detail = $"An organisation with this name is already on record: '{same.Name}'{(same.NameJa is null ? "" : $" / '{same.NameJa}'")} ({same.Id}).",
        };
        problem.Extensions["existingId"] = same.Id;
        return problem;
    }

    /// <summary>The organisation a company token's `company` claim names (a company or a joint venture of that name, either script).</summary>
    public static async Task<Organisation?> OfCompanyAsync(IQuerySession session, string? company, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(company)) return null;
        var key = OrganisationNames.Normalise(company);
        return await session.Query<Organisation>()
            .Where(o => (o.NameKey == key || o.NameJaKey == key) && (o.Kind == OrganisationKind.Company || o.Kind == OrganisationKind.JointVenture))
            .OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
    }
}
