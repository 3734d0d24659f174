using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Organisations;

public sealed record RegisterOrganisation(
    [property: Required, StringLength(300)] string Name,
    [property: StringLength(300)] string? NameJa,
    [property: Required] OrganisationKind? Kind,
    [property: Required, IsoCountry] string Country,
    [property: MaxLength(50)] IReadOnlyList<Guid>? Members) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var members = Members ?? [];
        if (members.Count > 0 && Kind != OrganisationKind.JointVenture)
            yield return new ValidationResult("only a joint venture has members.", [nameof(Members)]);
        if (members.Distinct().Count() != members.Count || members.Contains(Guid.Empty))
            yield return new ValidationResult("list each member once, by its organisation id.", [nameof(Members)]);
    }
}

public static class RegisterOrganisationDecision
{
    /// <summary>The checks against other records (members exist, no duplicate name) ran before: see RegisterOrganisationEndpoint.ValidateAsync.</summary>
    public static Decision Decide(RegisterOrganisation command, Guid id) =>
        Decision.Accept(new OrganisationRegistered(id, command.Name.Trim(), RegisterOrganisationEndpoint.Trimmed(command.NameJa), command.Kind!.Value,
            command.Country.Trim().ToUpperInvariant(), [.. command.Members ?? []]));
}

public static class RegisterOrganisationEndpoint
{
    /// <summary>Members must be organisations on record (400 naming them); a name already on record in either script is a duplicate (409 naming it).</summary>
    public static async Task<ProblemDetails> ValidateAsync(RegisterOrganisation command, IQuerySession session, CancellationToken ct)
    {
        if (await OrganisationReferences.MissingAsync(session, "members", command.Members, ct) is { } missing) return missing;
        return await OrganisationReferences.DuplicateAsync(session, command.Name, command.NameJa, except: null, ct) ?? WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/organisations"), Authorize(Roles = OrganisationReferences.Writers)]
    public static (IResult, IStartStream) Post(RegisterOrganisation command)
    {
        var id = Guid.CreateVersion7();
        return (WriteResults.Created($"/api/organisations/{id}", new WriteAccepted(id, 1), 1),
            MartenOps.StartStream<Organisation>(id, [.. RegisterOrganisationDecision.Decide(command, id).Events]));
    }

    internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
