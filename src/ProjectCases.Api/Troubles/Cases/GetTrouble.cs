using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using Wolverine.Http;

namespace ProjectCases.Troubles.Cases;

public static class GetTroubleEndpoint
{
    /// <summary>The case with its timeline; the reporting company gets its own view (shared lines only, no version, no ETag).
    /// Officers read only the cases assigned to them (TroubleAccess); any other case is 404 to them.</summary>
    [ProducesResponseType<TroubleCaseView>(200)]
    [WolverineGet("/api/troubles/{id}"), Authorize(Roles = Roles.Hotline + "," + Roles.Auditor + "," + Roles.Company + "," + Roles.Officer)]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var trouble = await session.LoadAsync<TroubleCase>(id, ct);
        if (trouble is null || !TroubleAccess.CanSee(context.User, trouble)) return TroubleAccess.NotFound(id);
        if (TroubleAccess.CompanyOf(context.User) is not null) return Results.Ok(CompanyCaseView.For(trouble));
        context.Response.Headers.ETag = IfMatch.ETag(trouble.Version);
        return Results.Ok(TroubleCaseView.For(trouble, clock.GetUtcNow()));
    }
}
