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
        CompanyOf(user) is not { } company || trouble.ReporterCompany == company;

    public static IResult NotFound(Guid id) => Results.Problem(TroubleWriteModel.NotFound(id));
}
