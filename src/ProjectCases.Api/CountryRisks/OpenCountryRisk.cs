using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.CountryRisks;

public sealed record OpenCountryRisk(
    [property: Required, IsoCountry] string Country,
    [property: Required] CountryRiskKind? Kind,
    [property: Required, BusinessDate] DateOnly? ObservedOn,
    [property: Required, StringLength(4000)] string Summary,
    [property: Required] CountryRiskSeverity? Severity,
    [property: MaxLength(200)] IReadOnlyList<Guid>? ProjectIds) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var named = ProjectIds ?? [];
        if (named.Distinct().Count() != named.Count || named.Contains(Guid.Empty))
            yield return new ValidationResult("list each project once, by its id.", [nameof(ProjectIds)]);
    }
}

public static class OpenCountryRiskDecision
{
    /// <summary>Opens the risk; the projects react after commit (CountryRiskLinking) when it is a Warning or a Crisis.</summary>
    public static Decision Decide(OpenCountryRisk command, Guid riskId) =>
        Decision.Accept(new CountryRiskOpened(riskId, command.Country, command.Kind!.Value, command.ObservedOn!.Value, command.Summary.Trim(),
            command.Severity!.Value, [.. command.ProjectIds ?? []]));
}

public static class OpenCountryRiskEndpoint
{
    /// <summary>Every project named must exist: 404 naming the missing ones, and nothing is recorded.</summary>
    public static async Task<ProblemDetails> ValidateAsync(OpenCountryRisk command, IQuerySession session, CancellationToken ct)
    {
        var named = (command.ProjectIds ?? []).ToArray();
        if (named.Length == 0) return WolverineContinue.NoProblems;
        var found = await session.Query<ProjectStatus>().Where(p => named.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var missing = named.Except(found).ToList();
        return missing.Count == 0
            ? WolverineContinue.NoProblems
            : new ProblemDetails { Status = 404, Title = "Not found", Detail = $"These projects in projectIds do not exist: {string.Join(", ", missing)}. Nothing was recorded." };
    }

    [WolverinePost("/api/country-risks"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, IStartStream) Post(OpenCountryRisk command)
    {
        var id = Guid.CreateVersion7();
        var decision = OpenCountryRiskDecision.Decide(command, id);
        return (WriteResults.Created($"/api/country-risks/{id}", new WriteAccepted(id, 1), 1), MartenOps.StartStream<CountryRisk>(id, [.. decision.Events]));
    }
}
