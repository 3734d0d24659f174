using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.CountryRisks;

public sealed record BoardAward(string Package, string? Winner, bool JapaneseWinner, Money? Amount, decimal? AmountJpy, BusinessDate AwardedOn);

public sealed record BoardProject(
    Guid ProjectId, string Name, ProjectStage Stage, ProjectStatusValue? Status, IReadOnlyList<BoardAward> Awards, decimal AmountAtStakeJpy,
    IReadOnlyList<string> JapaneseWinners, int OpenTroubleCount, BusinessDate? LastTouchpointOn, RiskDecisionKind? Decision, DateOnly? ReviewOn);

public sealed record BoardTotals(int Projects, decimal AmountAtStakeJpy, int OpenTroubleCount);

public sealed record CountryRiskBoardView(Guid RiskId, string Country, CountryRiskKind Kind, CountryRiskSeverity Severity, CountryRiskState State,
    IReadOnlyList<BoardProject> Projects, BoardTotals Totals);

/// <summary>The crisis view: what is at stake in each affected project, and in all of them.</summary>
public static class CountryRiskBoard
{
    /// <summary>
    /// Pure. Money at stake is the sum of the project's awards in yen; an undisclosed award (no amount) adds
    /// nothing, so the totals are exactly the sum of the awards listed.
    /// </summary>
    public static CountryRiskBoardView Build(CountryRisk risk, IEnumerable<ProjectStatus> linked, IReadOnlyDictionary<Guid, int> openTroubles)
    {
        var projects = linked.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
        {
            var link = p.Risks.Find(r => r.RiskId == risk.Id);
            var awards = p.Awards.Select(a => new BoardAward(a.Package, a.Winner, a.JapaneseWinner, a.Amount, a.AmountJpy, a.AwardedOn)).ToList();
            return new BoardProject(p.Id, p.Name, p.Stage, p.Status, awards, awards.Sum(a => a.AmountJpy ?? 0m),
                [.. awards.Where(a => a.JapaneseWinner && a.Winner is not null).Select(a => a.Winner!).Distinct()],
                openTroubles.GetValueOrDefault(p.Id), p.LatestTouchpointOn, link?.Decision, link?.ReviewOn);
        }).ToList();
        return new CountryRiskBoardView(risk.Id, risk.Country, risk.Kind, risk.Severity, risk.State, projects,
            new BoardTotals(projects.Count, projects.Sum(p => p.AmountAtStakeJpy), projects.Sum(p => p.OpenTroubleCount)));
    }
}

public static class CountryRiskBoardEndpoint
{
    [ProducesResponseType<CountryRiskBoardView>(200)]
    [WolverineGet("/api/country-risks/{id}/board"), Authorize(Roles = ReadCountryRisksEndpoints.Readers)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await BuildAsync(id, session, ct) is { } board ? Results.Ok(board) : Results.Problem(CountryRiskWriteModel.NotFound(id));

    /// <summary>The board of risk <paramref name="id"/>, or null when there is none; also read by the web console.</summary>
    public static async Task<CountryRiskBoardView?> BuildAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<CountryRisk>(id, ct) is not { } risk) return null;
        var linked = await ReadCountryRisksEndpoints.LinkedAsync(session, id, ct);
        var ids = linked.Select(p => p.Id).ToArray();
        var open = ids.Length == 0 ? [] : await session.Query<TroubleCase>()
            .Where(c => ids.Contains(c.ProjectId) && c.Status != TroubleStatus.Closed).Select(c => c.ProjectId).ToListAsync(ct);
        return CountryRiskBoard.Build(risk, linked, open.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count()));
    }
}
