using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.CountryRisks;

public sealed record UpdateCountryRisk(
    [property: Required, BusinessDate] DateOnly? ObservedOn,
    [property: Required, StringLength(4000)] string Summary,
    CountryRiskSeverity? Severity);

public static class UpdateCountryRiskDecision
{
    /// <summary>A closed risk takes no updates. Escalating to Warning or Crisis links the projects (after commit).</summary>
    public static Decision Decide(CountryRiskWriteModel risk, UpdateCountryRisk command) =>
        risk.IsClosed
            ? Decision.Conflict("The country risk is closed; open a new one if the situation returns.")
            : Decision.Accept(new CountryRiskUpdated(risk.Id, command.ObservedOn!.Value, command.Summary.Trim(), command.Severity));
}

public static class UpdateCountryRiskEndpoint
{
    [WolverinePost("/api/country-risks/{id}/updates"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(UpdateCountryRisk command, [WriteAggregate(Required = false)] CountryRiskWriteModel risk) =>
        WriteResults.Answer(UpdateCountryRiskDecision.Decide(risk, command), risk.Id, risk.Version);
}
