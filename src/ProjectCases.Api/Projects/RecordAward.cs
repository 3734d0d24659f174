using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using Wolverine.Http;

namespace ProjectCases.Projects;

/// <summary>An award with no tender on record: priority negotiation rights, direct negotiation, G2G, or an untracked tender.</summary>
public sealed record RecordAward(
    [property: Required, StringLength(500)] string Package,
    string? Winner, bool? JapaneseWinner, AwardType? AwardType, AwardScope? Scope, MoneyInput? Amount, decimal? AmountJpy, DateOnly? AwardedOn)
    : AwardTerms(Winner, JapaneseWinner, AwardType, Scope, Amount, AmountJpy, AwardedOn);

public static class RecordAwardDecision
{
    public static Decision Decide(Guid projectId, RecordAward command, Guid awardId) =>
        Decision.Accept(new ContractAwarded(projectId, awardId, null, command.Package.Trim(), command.Winner?.Trim(), command.JapaneseWinner!.Value,
            command.AwardType!.Value, command.Scope!.Value, command.Money, command.AmountJpy, command.AwardedOn!.Value));
}

public static class RecordAwardEndpoint
{
    [WolverinePost("/api/projects/{id}/awards"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, RecordAward command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var awardId = Guid.CreateVersion7();
        return ProjectWrites.Apply(stream!, RecordAwardDecision.Decide(id, command, awardId), context,
            version => new { id, version, awardId }, createdAt: $"/api/projects/{id}");
    }
}
