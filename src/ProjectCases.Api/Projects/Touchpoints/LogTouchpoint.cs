using System.ComponentModel.DataAnnotations;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects.Status;
using Wolverine.Http;

namespace ProjectCases.Projects.Touchpoints;

public sealed record LogTouchpoint(
    [property: Required] TouchpointKind? Kind,
    [property: Required, BusinessDate] DateOnly? OccurredOn,
    [property: Required] JapanLevel? JapanLevel,
    [property: Required, StringLength(300)] string Counterpart,
    [property: StringLength(300)] string? Location,
    [property: Required, StringLength(4000)] string Summary,
    [property: StringLength(4000)] string? Outcome,
    [property: MaxLength(50)] IReadOnlyList<Guid>? AlsoForProjectIds) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var others = AlsoForProjectIds ?? [];
        if (others.Distinct().Count() != others.Count || others.Contains(Guid.Empty))
            yield return new ValidationResult("list each other project once, by its id.", [nameof(AlsoForProjectIds)]);
    }
}

public static class LogTouchpointDecision
{
    /// <summary>The same fact, with the same touchpoint id, for this project and every other one listed.</summary>
    public static Decision Decide(Guid projectId, LogTouchpoint command, Guid touchpointId, IReadOnlyCollection<Guid> missingProjects)
    {
        if (missingProjects.Count > 0)
            return Decision.NotFound($"These projects in alsoForProjectIds do not exist: {string.Join(", ", missingProjects)}. Nothing was recorded.");
        var others = command.AlsoForProjectIds ?? [];
        if (others.Contains(projectId))
            return Decision.Unprocessable("alsoForProjectIds lists the project the touchpoint is logged on; list only the other projects.");
        IReadOnlyList<Guid> all = [projectId, .. others];
        return Decision.Accept([.. all.Select(id => new TouchpointLogged(id, touchpointId, command.Kind!.Value, command.OccurredOn!.Value,
            command.JapanLevel!.Value, command.Counterpart.Trim(), command.Location?.Trim(), command.Summary.Trim(), command.Outcome?.Trim(), all))]);
    }
}

public static class LogTouchpointEndpoint
{
    /// <summary>
    /// Appends TouchpointLogged to this project and to every project in alsoForProjectIds, in one transaction:
    /// each stream is fetched for writing, so each append carries that stream's expected version, and a
    /// concurrent write on any of them fails the whole commit (409) with nothing appended anywhere.
    /// </summary>
    [WolverinePost("/api/projects/{id}/touchpoints"), Authorize(Roles = Roles.ProjectWriters)]
    public static async Task<IResult> Post(Guid id, LogTouchpoint command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await ProjectWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;

        var others = new List<IEventStream<ProjectStatus>>();
        foreach (var other in (command.AlsoForProjectIds ?? []).Where(o => o != id))
            others.Add(await session.Events.FetchForWriting<ProjectStatus>(other, ct));
        var missing = others.Where(o => o.Aggregate is null).Select(o => o.Id).ToList();

        var touchpointId = Guid.CreateVersion7();
        var decision = LogTouchpointDecision.Decide(id, command, touchpointId, missing);
        if (decision.Refusal is not null) return ProjectWrites.Refuse(decision.Refusal);

        foreach (var logged in decision.Events.Cast<TouchpointLogged>().Where(e => e.ProjectId != id))
            others.Single(o => o.Id == logged.ProjectId).AppendOne(logged);
        return ProjectWrites.Apply(stream!, Decision.Accept(decision.Events.Cast<TouchpointLogged>().Single(e => e.ProjectId == id)), context,
            version => new { id, version, touchpointId }, createdAt: $"/api/projects/{id}");
    }
}
