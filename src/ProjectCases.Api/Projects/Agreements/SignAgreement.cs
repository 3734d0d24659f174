using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using Wolverine.Http;

namespace ProjectCases.Projects.Agreements;

public sealed record SignAgreement(
    [property: Required] AgreementType? AgreementType,
    [property: Required] AgreementLevel? Level,
    [property: Required, StringLength(500)] string Title,
    [property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<string> Parties,
    [property: Required, BusinessDate] DateOnly? SignedOn,
    [property: StringLength(100)] string? Tranche) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Parties.Any(string.IsNullOrWhiteSpace) || Parties.Any(p => p.Length > 300))
            yield return new ValidationResult("each party must be a name of 1 to 300 characters.", [nameof(Parties)]);
    }
}

public static class SignAgreementDecision
{
    public static Decision Decide(Guid projectId, SignAgreement command, Guid agreementId) =>
        Decision.Accept(new AgreementSigned(projectId, agreementId, command.AgreementType!.Value, command.Level!.Value, command.Title.Trim(),
            [.. command.Parties.Select(p => p.Trim())], command.SignedOn!.Value, command.Tranche?.Trim()));
}

public static class SignAgreementEndpoint
{
    /// <summary>MOU / MOC / LOI (political or administrative level), Exchange of Notes or Loan Agreement per tranche.</summary>
    [WolverinePost("/api/projects/{id}/agreements"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, SignAgreement command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var agreementId = Guid.CreateVersion7();
        return ProjectWrites.Apply(stream!, SignAgreementDecision.Decide(id, command, agreementId), context,
            version => new { id, version, agreementId }, createdAt: $"/api/projects/{id}");
    }
}
