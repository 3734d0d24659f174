using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using ProjectCases.Organisations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Projects;

/// <summary>An award with no tender on record: priority negotiation rights, direct negotiation, G2G, or an untracked tender.</summary>
public sealed record RecordAward(
    [property: Required, StringLength(500)] string Package,
    string? Winner, bool? JapaneseWinner, AwardType? AwardType, AwardScope? Scope, MoneyInput? Amount, decimal? AmountJpy, BusinessDate? AwardedOn)
    : AwardTerms(Winner, JapaneseWinner, AwardType, Scope, Amount, AmountJpy, AwardedOn);

public static class RecordAwardDecision
{
    public static Decision Decide(ProjectWriteModel project, RecordAward command, Guid awardId) =>
        Decision.Accept(new ContractAwarded(project.Id, awardId, null, command.Package.Trim(), command.Winner?.Trim(), command.JapaneseWinner!.Value,
            command.AwardType!.Value, command.Scope!.Value, command.Money, command.AmountJpy, command.AwardedOn!.Value, command.WinnerId));
}

public static class RecordAwardEndpoint
{
    /// <summary>Organisations named by id must be on record (400 naming the field); the free-text names stay as given.</summary>
    public static async Task<ProblemDetails> ValidateAsync(RecordAward command, IDocumentSession session, CancellationToken ct) =>
        await OrganisationReferences.MissingAsync(session, "winnerId", [command.WinnerId], ct) ?? WolverineContinue.NoProblems;

    [ProducesResponseType<AwardWritten>(201)]
    [WolverinePost("/api/projects/{id}/awards"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(RecordAward command, [WriteAggregate(Required = false)] ProjectWriteModel project)
    {
        var awardId = Guid.CreateVersion7();
        return WriteResults.Answer(RecordAwardDecision.Decide(project, command, awardId), project.Id, project.Version,
            version => new AwardWritten(project.Id, version, awardId), createdAt: $"/api/projects/{project.Id}");
    }
}
