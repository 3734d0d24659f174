using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Troubles.Cases;

/// <summary>
/// Case confidentiality: a company user sees and acts only on cases its own company reported; every
/// other case answers 404 exactly like a case that does not exist, so ids cannot be probed. Writes apply
/// the same rule through TroubleWriteModel.VisibleTo.
/// </summary>
public static class TroubleAccess
{
    public static string? CompanyOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Company) ? user.FindFirst(ClaimNames.Company)?.Value ?? "" : null;

    public static bool CanSee(ClaimsPrincipal user, TroubleCase trouble) =>
        CompanyOf(user) is { } company ? trouble.ReporterCompany == company
        : !IsOfficerOnly(user) || IsAssignedTo(user, trouble.Assignee);

    /// <summary>
    /// An officer (without a hotline, auditor or admin role) reads a case only while it is assigned to them:
    /// the assignee is the officer's subject (`sub`), as the hotline gave it to POST /api/troubles/{id}/assign.
    /// </summary>
    public static bool IsOfficerOnly(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Officer) && !user.IsInRole(Roles.Hotline) && !user.IsInRole(Roles.Auditor) && !user.IsInRole(Roles.Admin);

    public static bool IsAssignedTo(ClaimsPrincipal user, string? assignee) =>
        assignee is not null && user.FindFirst(ClaimNames.Subject)?.Value is { } subject && subject == assignee;

    public static IResult NotFound(Guid id) => Results.Problem(TroubleWriteModel.NotFound(id));
}
