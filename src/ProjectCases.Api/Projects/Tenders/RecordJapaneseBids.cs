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

namespace ProjectCases.Projects.Tenders;

public sealed record RecordJapaneseBids(
    [property: Required, MinLength(1), MaxLength(50)] IReadOnlyList<string> Bidders,
    [property: Required, BusinessDate] BusinessDate? SubmittedOn) : IValidatableObject
{
    /// <summary>The bidders that are organisations on record, beside their names in <see cref="Bidders"/>.</summary>
    [MaxLength(50)] public IReadOnlyList<Guid>? BidderIds { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Bidders.Any(string.IsNullOrWhiteSpace) || Bidders.Any(b => b.Length > 300))
            yield return new ValidationResult("each bidder must be a company name of 1 to 300 characters.", [nameof(Bidders)]);
    }
}

public static class RecordJapaneseBidsDecision
{
    public static Decision Decide(ProjectWriteModel project, Guid tenderId, RecordJapaneseBids command)
    {
        var (tender, refusal) = OpenTenders.Find(project, tenderId, "record bids");
        if (refusal is not null) return refusal;
        if (command.SubmittedOn!.Value.EndsBefore(tender!.OpenedOn))
            return Decision.Unprocessable($"Bids cannot be submitted ({command.SubmittedOn}) before the tender opened ({tender.OpenedOn}).");
        return Decision.Accept(new JapaneseBidsRecorded(project.Id, tenderId, [.. command.Bidders.Select(b => b.Trim()).Distinct()], command.SubmittedOn!.Value,
            command.BidderIds is { Count: > 0 } ids ? [.. ids.Distinct()] : null));
    }
}

public static class RecordJapaneseBidsEndpoint
{
    /// <summary>Organisations named by id must be on record (400 naming the field); the free-text names stay as given.</summary>
    public static async Task<ProblemDetails> ValidateAsync(RecordJapaneseBids command, IDocumentSession session, CancellationToken ct) =>
        await OrganisationReferences.MissingAsync(session, "bidderIds", command.BidderIds, ct) ?? WolverineContinue.NoProblems;

    [ProducesResponseType<TenderWritten>(200)]
    [WolverinePost("/api/projects/{id}/tenders/{tenderId}/bids"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(Guid tenderId, RecordJapaneseBids command, [WriteAggregate(Required = false)] ProjectWriteModel project) =>
        WriteResults.Answer(RecordJapaneseBidsDecision.Decide(project, tenderId, command), project.Id, project.Version,
            version => new TenderWritten(project.Id, version, tenderId));
}
