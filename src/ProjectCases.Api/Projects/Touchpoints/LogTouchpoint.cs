using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using JasperFx.Events;
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

namespace ProjectCases.Projects.Touchpoints;

public sealed record LogTouchpoint(
    [property: Required] TouchpointKind? Kind,
    [property: Required, BusinessDate] BusinessDate? OccurredOn,
    [property: Required] JapanLevel? JapanLevel,
    [property: Required, StringLength(300)] string Counterpart,
    [property: StringLength(300)] string? Location,
    [property: Required, StringLength(4000)] string Summary,
    [property: StringLength(4000)] string? Outcome,
    [property: MaxLength(50)] IReadOnlyList<Guid>? AlsoForProjectIds) : IValidatableObject
{
    /// <summary>The counterpart as an organisation on record, beside its name in <see cref="Counterpart"/>.</summary>
    public Guid? CounterpartId { get; init; }

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
    public static Decision Decide(ProjectWriteModel project, LogTouchpoint command, Guid touchpointId, IReadOnlyCollection<Guid> missingProjects)
    {
        if (missingProjects.Count > 0)
            return Decision.NotFound($"These projects in alsoForProjectIds do not exist: {string.Join(", ", missingProjects)}. Nothing was recorded.");
        var others = command.AlsoForProjectIds ?? [];
        if (others.Contains(project.Id))
            return Decision.Unprocessable("alsoForProjectIds lists the project the touchpoint is logged on; list only the other projects.");
        IReadOnlyList<Guid> all = [project.Id, .. others];
        return Decision.Accept([.. all.Select(id => new TouchpointLogged(id, touchpointId, command.Kind!.Value, command.OccurredOn!.Value,
            command.JapanLevel!.Value, command.Counterpart.Trim(), command.Location?.Trim(), command.Summary.Trim(), command.Outcome?.Trim(), all,
            command.CounterpartId))]);
    }
}

public static class LogTouchpointEndpoint
{
    /// <summary>The counterpart named by id must be on record (400 naming counterpartId).</summary>
    public static async Task<ProblemDetails> ValidateAsync(LogTouchpoint command, IDocumentSession session, CancellationToken ct) =>
        await OrganisationReferences.MissingAsync(session, "counterpartId", [command.CounterpartId], ct) ?? WolverineContinue.NoProblems;

    /// <summary>The other projects listed, fetched for writing before the decision: each append then carries that project's expected version.</summary>
    public static Task<OtherProjects> LoadAsync(Guid id, LogTouchpoint command, IDocumentSession session, CancellationToken ct) =>
        OtherProjects.FetchAsync((command.AlsoForProjectIds ?? []).Where(other => other != id), session, ct);

    /// <summary>
    /// Appends TouchpointLogged to this project and to every project in alsoForProjectIds, in one transaction:
    /// a concurrent write on any of them fails the whole commit (409) with nothing appended anywhere.
    /// </summary>
    [ProducesResponseType<TouchpointWritten>(201)]
    [WolverinePost("/api/projects/{id}/touchpoints"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, AppendToOtherProjects) Post(LogTouchpoint command, [WriteAggregate(Required = false)] ProjectWriteModel project, OtherProjects others)
    {
        var touchpointId = Guid.CreateVersion7();
        var decision = LogTouchpointDecision.Decide(project, command, touchpointId, others.Missing);
        var logged = decision.Events.Cast<TouchpointLogged>().ToList();
        var (response, events, _) = WriteResults.Answer(decision with { Events = [.. logged.Where(e => e.ProjectId == project.Id)] },
            project.Id, project.Version, version => new TouchpointWritten(project.Id, version, touchpointId), createdAt: $"/api/projects/{project.Id}");
        return (response, events, new AppendToOtherProjects(others, [.. logged.Where(e => e.ProjectId != project.Id)]));
    }
}

/// <summary>The endpoint's steps for an in-process caller (the web console, through InProcessWrites): the same load, decision and split.</summary>
public static class LogTouchpointInProcess
{
    public static async Task<Decision> DecideAsync(IDocumentSession session, ProjectWriteModel project, LogTouchpoint command, Guid touchpointId,
        CancellationToken ct)
    {
        var others = await LogTouchpointEndpoint.LoadAsync(project.Id, command, session, ct);
        var decision = LogTouchpointDecision.Decide(project, command, touchpointId, others.Missing);
        var logged = decision.Events.Cast<TouchpointLogged>().ToList();
        new AppendToOtherProjects(others, [.. logged.Where(e => e.ProjectId != project.Id)]).Execute();
        return decision with { Events = [.. logged.Where(e => e.ProjectId == project.Id)] };
    }
}

/// <summary>The other projects of a multi-project touchpoint, each fetched for writing (its version is checked at commit).</summary>
public sealed record OtherProjects(IReadOnlyList<IEventStream<ProjectWriteModel>> Streams)
{
    public IReadOnlyList<Guid> Missing => [.. Streams.Where(s => s.Aggregate is null).Select(s => s.Id)];

    public static async Task<OtherProjects> FetchAsync(IEnumerable<Guid> ids, IDocumentSession session, CancellationToken ct)
    {
        var streams = new List<IEventStream<ProjectWriteModel>>();
        foreach (var id in ids) streams.Add(await session.Events.FetchForWriting<ProjectWriteModel>(id, ct));
        return new OtherProjects(streams);
    }
}

/// <summary>A Wolverine side effect: each other project's TouchpointLogged goes onto the stream fetched for it.</summary>
public sealed record AppendToOtherProjects(OtherProjects Others, IReadOnlyList<TouchpointLogged> Events) : ISideEffect
{
    public void Execute()
    {
        foreach (var logged in Events) Others.Streams.Single(s => s.Id == logged.ProjectId).AppendOne(logged);
    }
}
