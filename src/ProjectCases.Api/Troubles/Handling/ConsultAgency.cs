using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Troubles.Handling;

public sealed record ConsultAgency([property: Required] Agency? Agency, [property: Required, StringLength(4000)] string Note);

public static class ConsultAgencyDecision
{
    /// <summary>Countermeasures worked out with MOFA, the embassy, JICA, JOIN...; internal to the hotline.</summary>
    public static Decision Decide(TroubleWriteModel trouble, ConsultAgency command, DateTimeOffset now) =>
        trouble.MustBeOpen("record a consultation") ??
        Decision.Accept(new AgencyConsulted(trouble.Id, command.Agency!.Value, command.Note.Trim(), now));
}

public static class ConsultAgencyEndpoint
{
    [WolverinePost("/api/troubles/{id}/consultations"), Authorize(Roles = Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(ConsultAgency command, [WriteAggregate(Required = false)] TroubleWriteModel trouble, TimeProvider clock) =>
        WriteResults.Answer(ConsultAgencyDecision.Decide(trouble, command, clock.GetUtcNow()), trouble.Id, trouble.Version);
}
