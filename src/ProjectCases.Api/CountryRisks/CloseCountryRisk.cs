using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.CountryRisks;

public sealed record CloseCountryRisk([property: Required, StringLength(4000)] string Summary);

/// <summary>A linked project with neither a decision on this risk nor a withdrawal.</summary>
public sealed record UndecidedProject(Guid ProjectId, string Name);

public static class CloseCountryRiskDecision
{
    /// <summary>Once only; and not while a linked project waits for its continue-or-withdraw call (409 naming each).</summary>
    public static Decision Decide(CountryRiskWriteModel risk, CloseCountryRisk command, DateOnly closedOn, IReadOnlyList<UndecidedProject> undecided)
    {
        if (risk.IsClosed) return Decision.Conflict("The country risk is already closed.");
        if (undecided.Count > 0)
            return Decision.Conflict("These linked projects have neither a decision on this risk nor a withdrawal: " +
                string.Join("; ", undecided.Select(p => $"{p.Name} ({p.ProjectId})")) + ". Record a decision for each (POST /api/projects/{id}/risk-decisions), then close.");
        return Decision.Accept(new CountryRiskClosed(risk.Id, command.Summary.Trim(), closedOn));
    }

    /// <summary>Which of the linked projects still wait for a decision.</summary>
    public static IReadOnlyList<UndecidedProject> Undecided(Guid riskId, IEnumerable<ProjectStatus> linked) =>
        [.. linked.Where(p => p.Status != ProjectStatusValue.Withdrawn && p.Risks.Find(r => r.RiskId == riskId) is { Decision: null })
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new UndecidedProject(p.Id, p.Name))];
}

public static class CloseCountryRiskEndpoint
{
    /// <summary>The linked projects as they stand (the inline project documents carry each project's decisions).</summary>
    public static async Task<IReadOnlyList<UndecidedProject>> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        CloseCountryRiskDecision.Undecided(id, await session.Query<ProjectStatus>().Where(p => p.RiskIds.Contains(id)).ToListAsync(ct));

    [WolverinePost("/api/country-risks/{id}/close"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(CloseCountryRisk command, [WriteAggregate(Required = false)] CountryRiskWriteModel risk,
        IReadOnlyList<UndecidedProject> undecided, TimeProvider clock) =>
        WriteResults.Answer(CloseCountryRiskDecision.Decide(risk, command, TokyoTime.Today(clock), undecided), risk.Id, risk.Version);
}
