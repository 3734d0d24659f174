using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects.Status;
using Wolverine.Http;

namespace ProjectCases.Projects.Tenders;

public sealed record AwardTender(
    string? Winner, bool? JapaneseWinner, AwardType? AwardType, AwardScope? Scope, MoneyInput? Amount, decimal? AmountJpy, DateOnly? AwardedOn)
    : AwardTerms(Winner, JapaneseWinner, AwardType, Scope, Amount, AmountJpy, AwardedOn);

public static class AwardTenderDecision
{
    /// <summary>An award closes its tender; a second award, or an award after failure, conflicts.</summary>
    public static Decision Decide(ProjectStatus project, Guid tenderId, AwardTender command, Guid awardId)
    {
        var (tender, refusal) = OpenTenders.Find(project, tenderId, "award");
        if (refusal is not null) return refusal;
        if (command.AwardedOn < tender!.OpenedOn)
            return Decision.Unprocessable($"A tender cannot be awarded ({command.AwardedOn:yyyy-MM-dd}) before it opened ({tender.OpenedOn:yyyy-MM-dd}).");
        return Decision.Accept(new ContractAwarded(project.Id, awardId, tenderId, tender.Package, command.Winner?.Trim(),
            command.JapaneseWinner!.Value, command.AwardType!.Value, command.Scope!.Value, command.Money, command.AmountJpy, command.AwardedOn!.Value));
    }
}

public static class AwardTenderEndpoint
{
    [WolverinePost("/api/projects/{id}/tenders/{tenderId}/award"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, Guid tenderId, AwardTender command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var awardId = Guid.CreateVersion7();
        return ProjectWrites.Apply(stream!, AwardTenderDecision.Decide(stream!.Aggregate!, tenderId, command, awardId), context,
            version => new { id, version, tenderId, awardId });
    }
}
