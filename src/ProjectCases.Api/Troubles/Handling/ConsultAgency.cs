using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Troubles.Handling;

public sealed record ConsultAgency([property: Required] Agency? Agency, [property: Required, StringLength(4000)] string Note);

public static class ConsultAgencyDecision
{
    /// <summary>Countermeasures worked out with MOFA, the embassy, JICA, JOIN...; internal to the hotline.</summary>
    public static Decision Decide(TroubleCase trouble, ConsultAgency command, DateTimeOffset now) =>
        TroubleAccess.MustBeOpen(trouble, "record a consultation") ??
        Decision.Accept(new AgencyConsulted(trouble.Id, command.Agency!.Value, command.Note.Trim(), now));
}

public static class ConsultAgencyEndpoint
{
    [WolverinePost("/api/troubles/{id}/consultations"), Authorize(Roles = Roles.Hotline)]
    public static async Task<IResult> Post(Guid id, ConsultAgency command, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return TroubleAccess.Apply(stream!, ConsultAgencyDecision.Decide(stream!.Aggregate!, command, clock.GetUtcNow()), context);
    }
}
