using Marten;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Organisations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Projects.Tenders;

public sealed record AwardTender(
    string? Winner, bool? JapaneseWinner, AwardType? AwardType, AwardScope? Scope, MoneyInput? Amount, decimal? AmountJpy, BusinessDate? AwardedOn)
    : AwardTerms(Winner, JapaneseWinner, AwardType, Scope, Amount, AmountJpy, AwardedOn);

public static class AwardTenderDecision
{
    /// <summary>An award closes its tender; a second award, or an award after failure, conflicts.</summary>
    public static Decision Decide(ProjectWriteModel project, Guid tenderId, AwardTender command, Guid awardId)
    {
        var (tender, refusal) = OpenTenders.Find(project, tenderId, "award");
        if (refusal is not null) return refusal;
        if (command.AwardedOn!.Value.EndsBefore(tender!.OpenedOn))
            return Decision.Unprocessable($"A tender cannot be awarded ({command.AwardedOn}) before it opened ({tender.OpenedOn}).");
        return Decision.Accept(new ContractAwarded(project.Id, awardId, tenderId, tender.Package, command.Winner?.Trim(),
            command.JapaneseWinner!.Value, command.AwardType!.Value, command.Scope!.Value, command.Money, command.AmountJpy, command.AwardedOn!.Value, command.WinnerId));
    }
}

public static class AwardTenderEndpoint
{
    /// <summary>Organisations named by id must be on record (400 naming the field); the free-text names stay as given.</summary>
    public static async Task<ProblemDetails> ValidateAsync(AwardTender command, IDocumentSession session, CancellationToken ct) =>
        await OrganisationReferences.MissingAsync(session, "winnerId", [command.WinnerId], ct) ?? WolverineContinue.NoProblems;

    [ProducesResponseType<TenderAwarded>(200)]
    [WolverinePost("/api/projects/{id}/tenders/{tenderId}/award"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(Guid tenderId, AwardTender command, [WriteAggregate(Required = false)] ProjectWriteModel project)
    {
        var awardId = Guid.CreateVersion7();
        return WriteResults.Answer(AwardTenderDecision.Decide(project, tenderId, command, awardId), project.Id, project.Version,
            version => new TenderAwarded(project.Id, version, tenderId, awardId));
    }
}
