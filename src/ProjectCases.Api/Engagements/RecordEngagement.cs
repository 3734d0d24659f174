using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects;
using ProjectCases.Projects.Touchpoints;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Engagements;

public sealed record EngagementTouchpointInput(
    [property: Required] TouchpointKind? Kind,
    [property: Required, BusinessDate] DateOnly? OccurredOn,
    [property: Required] JapanLevel? JapanLevel,
    [property: Required, StringLength(300)] string Counterpart,
    [property: StringLength(300)] string? Location,
    [property: Required, StringLength(4000)] string Summary,
    [property: StringLength(4000)] string? Outcome);

public sealed record EngagementAgreementInput(
    [property: Required] AgreementType? AgreementType,
    [property: Required] AgreementLevel? Level,
    [property: Required, StringLength(500)] string Title,
    [property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<string> Parties,
    [property: Required, BusinessDate] DateOnly? SignedOn);

/// <summary>POST /api/engagements: `{ "touchpoint": {...} }` or `{ "agreement": {...} }`, with the partnership it belongs to.</summary>
public sealed record RecordEngagement(
    EngagementTouchpointInput? Touchpoint,
    EngagementAgreementInput? Agreement,
    [property: Required, IsoCountry] string Country,
    [property: Required] Ministry? Ministry,
    Sector? Sector,
    [property: MaxLength(50)] IReadOnlyList<Guid>? ProjectIds) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if ((Touchpoint is null) == (Agreement is null))
            yield return new ValidationResult("give exactly one of touchpoint and agreement.", [Touchpoint is null ? nameof(Touchpoint) : nameof(Agreement)]);
        // DataAnnotations do not descend into nested objects: each part is checked here, its fields named by path.
        foreach (var failure in Nested(Touchpoint, nameof(Touchpoint), context).Concat(Nested(Agreement, nameof(Agreement), context)))
            yield return failure;
        if (Agreement?.Parties is { } parties && parties.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 300))
            yield return new ValidationResult("each party must be a name of 1 to 300 characters.", ["Agreement.Parties"]);
        var linked = ProjectIds ?? [];
        if (linked.Distinct().Count() != linked.Count || linked.Contains(Guid.Empty))
            yield return new ValidationResult("list each project once, by its id.", [nameof(ProjectIds)]);
    }

    private static IEnumerable<ValidationResult> Nested(object? part, string prefix, ValidationContext context)
    {
        if (part is null) return [];
        var failures = new List<ValidationResult>();
        Validator.TryValidateObject(part, new ValidationContext(part, context, context.Items), failures, validateAllProperties: true);
        return failures.Select(f => new ValidationResult(f.ErrorMessage, [.. f.MemberNames.Select(m => $"{prefix}.{m}")]));
    }
}

public static class RecordEngagementDecision
{
    /// <summary>The engagement on its own stream, and its copy on each linked project (404 naming missing projects; nothing is recorded).</summary>
    public static Decision Decide(RecordEngagement command, Guid engagementId, IReadOnlyCollection<Guid> missingProjects)
    {
        if (missingProjects.Count > 0)
            return Decision.NotFound($"These projects in projectIds do not exist: {string.Join(", ", missingProjects)}. Nothing was recorded.");
        var recorded = Recorded(command, engagementId);
        return Decision.Accept([recorded, .. recorded.ProjectIds.Select(id => LinkOf(recorded, id))]);
    }

    /// <summary>The engagement a valid body describes, trimmed (also the corrected values of a correction, which takes the same body).</summary>
    public static EngagementRecorded Recorded(RecordEngagement command, Guid engagementId)
    {
        var touchpoint = command.Touchpoint is { } t
            ? new EngagementTouchpoint(t.Kind!.Value, t.OccurredOn!.Value, t.JapanLevel!.Value, t.Counterpart.Trim(), t.Location?.Trim(), t.Summary.Trim(), t.Outcome?.Trim())
            : null;
        var agreement = command.Agreement is { } a
            ? new EngagementAgreement(a.AgreementType!.Value, a.Level!.Value, a.Title.Trim(), [.. a.Parties.Select(p => p.Trim())], a.SignedOn!.Value)
            : null;
        return new EngagementRecorded(engagementId, command.Country.ToUpperInvariant(), command.Ministry!.Value, command.Sector, touchpoint, agreement,
            [.. command.ProjectIds ?? []]);
    }

    /// <summary>The copy of <paramref name="recorded"/> that project <paramref name="projectId"/> receives.</summary>
    public static EngagementLinked LinkOf(EngagementRecorded recorded, Guid projectId) =>
        new(projectId, recorded.EngagementId, recorded.Country, recorded.Ministry, recorded.Touchpoint, recorded.Agreement);
}

public static class RecordEngagementEndpoint
{
    /// <summary>The linked projects, fetched for writing before the decision: each append carries that project's expected version.</summary>
    public static Task<OtherProjects> LoadAsync(RecordEngagement command, IDocumentSession session, CancellationToken ct) =>
        OtherProjects.FetchAsync(command.ProjectIds ?? [], session, ct);

    /// <summary>
    /// Starts the engagement's stream and appends EngagementLinked to every linked project, in one transaction: a
    /// concurrent write on any of them fails the whole commit (409) with nothing recorded anywhere.
    /// </summary>
    [ProducesResponseType<EngagementWritten>(201)]
    [WolverinePost("/api/engagements"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, IStartStream?, LinkEngagementToProjects) Post(RecordEngagement command, OtherProjects projects)
    {
        var id = Guid.CreateVersion7();
        var decision = RecordEngagementDecision.Decide(command, id, projects.Missing);
        if (decision.Refusal is { } refusal) return (WriteResults.Refuse(refusal), null, new LinkEngagementToProjects(projects, []));
        return (WriteResults.Created($"/api/engagements/{id}", new EngagementWritten(id, 1, id), 1),
            MartenOps.StartStream<Engagement>(id, [.. decision.Events.OfType<EngagementRecorded>()]),
            new LinkEngagementToProjects(projects, [.. decision.Events.OfType<EngagementLinked>()]));
    }
}

/// <summary>
/// A Wolverine side effect: each event for a linked project (EngagementLinked, or a correction's EngagementLinkCorrected and
/// EngagementUnlinked) goes onto the stream fetched for it, committed with the engagement's own events or not at all.
/// </summary>
public sealed record LinkEngagementToProjects(OtherProjects Projects, IReadOnlyList<IOnLinkedProject> Events) : ISideEffect
{
    public void Execute()
    {
        foreach (var linked in Events) Projects.Streams.Single(s => s.Id == linked.ProjectId).AppendOne(linked);
    }
}

/// <summary>The endpoint's steps for an in-process caller (the web console, through InProcessWrites): the same load, decision and links.</summary>
public static class RecordEngagementInProcess
{
    public static async Task<Decision> DecideAsync(IDocumentSession session, RecordEngagement command, Guid engagementId, CancellationToken ct)
    {
        var projects = await RecordEngagementEndpoint.LoadAsync(command, session, ct);
        var decision = RecordEngagementDecision.Decide(command, engagementId, projects.Missing);
        if (!decision.IsAccepted) return decision;
        new LinkEngagementToProjects(projects, [.. decision.Events.OfType<EngagementLinked>()]).Execute();
        return decision with { Events = [.. decision.Events.OfType<EngagementRecorded>()] };
    }
}

/// <summary>201 of a new engagement: its stream (the engagement's id) at version 1.</summary>
public sealed record EngagementWritten(Guid Id, long Version, Guid EngagementId);
