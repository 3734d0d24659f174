using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;

namespace ProjectCases.Troubles.Cases;

/// <summary>
/// Case confidentiality: a company user sees and acts only on cases its own company reported; every
/// other case answers 404 exactly like a case that does not exist, so ids cannot be probed.
/// </summary>
public static class TroubleAccess
{
    public static string? CompanyOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Company) ? user.FindFirst(ClaimNames.Company)?.Value ?? "" : null;

    public static bool CanSee(ClaimsPrincipal user, TroubleCase trouble) =>
        CompanyOf(user) is not { } company || trouble.ReporterCompany == company;

    public static IResult NotFound(Guid id) => Results.Problem(new ProblemDetails
    {
        Status = 404, Title = "Trouble case not found", Detail = $"No trouble case {id} exists (or it is not visible to you).",
    });

    public static Task<(IEventStream<TroubleCase>? Stream, IResult? Refusal)> FetchForWritingAsync(
        Guid id, HttpContext context, IDocumentSession session, CancellationToken ct) =>
        StreamWrites<TroubleCase>.FetchAsync(id, context, session, () => NotFound(id), ct, trouble => CanSee(context.User, trouble));

    public static IResult Apply(IEventStream<TroubleCase> stream, Decision decision, HttpContext context) =>
        StreamWrites<TroubleCase>.Apply(stream, decision, context);

    /// <summary>The shared refusal of hotline actions on a case that is no longer open.</summary>
    public static Decision? MustBeOpen(TroubleCase trouble, string action) => trouble.Status == TroubleStatus.Open
        ? null
        : Decision.Conflict($"Cannot {action}: the case is {trouble.Status.ToString().ToLowerInvariant()}{(trouble.Status == TroubleStatus.Closed ? "" : "; reopen it first")}.");
}
