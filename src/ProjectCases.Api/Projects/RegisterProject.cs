using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects.Status;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Projects;

/// <summary>
/// `countries` (primary first) or, for clients before projects v2, `country` alone; when both are given the
/// primary must be `country`. `ministry` is the validated lead ministry; `leadAgency` stays free text.
/// </summary>
public sealed record RegisterProject(
    [property: Required, StringLength(300)] string Name,
    [property: StringLength(300)] string? NameJa,
    [property: IsoCountry] string? Country,
    [property: Required] Sector? Sector,
    [property: Required] Financing? Financing,
    [property: StringLength(200)] string? LeadAgency,
    [property: StringLength(4000)] string? Summary,
    [property: MaxLength(RegisterProject.MaxCountries)] IReadOnlyList<string>? Countries = null,
    Ministry? Ministry = null) : IValidatableObject
{
    public const int MaxCountries = 30;

    /// <summary>The project's countries, primary first (valid only once validation passed).</summary>
    public IReadOnlyList<string> AllCountries() => Countries is { Count: > 0 } all ? all : [Country!];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Countries is not { Count: > 0 })
        {
            if (Country is null) yield return new ValidationResult("The country field is required (or give countries, primary first).", [nameof(Country)]);
            yield break;
        }
        foreach (var code in Countries.Where(code => !Projects.Countries.IsKnown(code)).Distinct())
            yield return new ValidationResult($"'{code}' is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. VN, IN, PH).", [nameof(Countries)]);
        if (Countries.Distinct().Count() != Countries.Count)
            yield return new ValidationResult("names a country more than once.", [nameof(Countries)]);
        if (Country is not null && Country != Countries[0])
            yield return new ValidationResult($"country '{Country}' must be the first of countries (the primary), or be left out.", [nameof(Country)]);
    }
}

public static class RegisterProjectDecision
{
    /// <summary>A new project: always accepted once its fields are valid.</summary>
    public static Decision Decide(RegisterProject command, Guid id)
    {
        var countries = command.AllCountries();
        return Decision.Accept(new ProjectRegistered(id, command.Name.Trim(), command.NameJa?.Trim(), countries[0],
            command.Sector!.Value, command.Financing!.Value, command.LeadAgency?.Trim(), command.Summary?.Trim(),
            [.. countries], command.Ministry));
    }
}

public static class RegisterProjectEndpoint
{
    /// <summary>Starts a project stream with ProjectRegistered.</summary>
    [WolverinePost("/api/projects"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, IStartStream) Post(RegisterProject command)
    {
        var id = Guid.CreateVersion7();
        var registered = RegisterProjectDecision.Decide(command, id).Events.Single();
        var response = WriteResults.Created($"/api/projects/{id}", new WriteAccepted(id, 1), version: 1);
        return (response, MartenOps.StartStream<ProjectStatus>(id, registered));
    }
}
