using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using ProjectCases.Organisations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Projects.Agreements;

public sealed record SignAgreement(
    [property: Required] AgreementType? AgreementType,
    [property: Required] AgreementLevel? Level,
    [property: Required, StringLength(500)] string Title,
    [property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<string> Parties,
    [property: Required, BusinessDate] BusinessDate? SignedOn,
    [property: StringLength(100)] string? Tranche) : IValidatableObject
{
    /// <summary>The parties that are organisations on record, beside their names in <see cref="Parties"/>.</summary>
    [MaxLength(20)] public IReadOnlyList<Guid>? PartyIds { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Parties.Any(string.IsNullOrWhiteSpace) || Parties.Any(p => p.Length > 300))
            yield return new ValidationResult("each party must be a name of 1 to 300 characters.", [nameof(Parties)]);
    }
}

public static class SignAgreementDecision
{
    public static Decision Decide(ProjectWriteModel project, SignAgreement command, Guid agreementId) =>
        Decision.Accept(new AgreementSigned(project.Id, agreementId, command.AgreementType!.Value, command.Level!.Value, command.Title.Trim(),
            [.. command.Parties.Select(p => p.Trim())], command.SignedOn!.Value, command.Tranche?.Trim(), command.PartyIds is { Count: > 0 } ids ? [.. ids.Distinct()] : null));
}

public static class SignAgreementEndpoint
{
    /// <summary>Organisations named by id must be on record (400 naming the field); the free-text names stay as given.</summary>
    public static async Task<ProblemDetails> ValidateAsync(SignAgreement command, IDocumentSession session, CancellationToken ct) =>
        await OrganisationReferences.MissingAsync(session, "partyIds", command.PartyIds, ct) ?? WolverineContinue.NoProblems;

    /// <summary>MOU / MOC / LOI (political or administrative level), Exchange of Notes or Loan Agreement per tranche.</summary>
    [ProducesResponseType<AgreementWritten>(201)]
    [WolverinePost("/api/projects/{id}/agreements"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(SignAgreement command, [WriteAggregate(Required = false)] ProjectWriteModel project)
    {
        var agreementId = Guid.CreateVersion7();
        return WriteResults.Answer(SignAgreementDecision.Decide(project, command, agreementId), project.Id, project.Version,
            version => new AgreementWritten(project.Id, version, agreementId), createdAt: $"/api/projects/{project.Id}");
    }
}
