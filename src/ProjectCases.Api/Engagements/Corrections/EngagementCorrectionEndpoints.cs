using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.Touchpoints;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Engagements.Corrections;

public sealed record VoidEngagement([property: Required, StringLength(2000, MinimumLength = 1)] string Reason);

/// <summary>`fields`: the whole body of POST /api/engagements, with the corrected values (validated the same way, errors keyed `fields.…`).</summary>
public sealed record CorrectEngagement(
    [property: Required, StringLength(2000, MinimumLength = 1)] string Reason,
    [property: Required] RecordEngagement? Fields) : IValidatableObject
{
    /// <summary>DataAnnotations do not descend into `fields`: it is checked here as the recording route checks its body, each error under `Fields.`.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Fields is null) return [];
        var failures = new List<ValidationResult>();
        Validator.TryValidateObject(Fields, new ValidationContext(Fields, context, context.Items), failures, validateAllProperties: true);
        return failures.Select(f => new ValidationResult(f.ErrorMessage,
            f.MemberNames.Any() ? [.. f.MemberNames.Select(m => $"{nameof(Fields)}.{m}")] : [nameof(Fields)]));
    }
}

/// <summary>200 of a correction: the engagement's stream at its new version.</summary>
public sealed record EngagementCorrectionWritten(Guid Id, long Version, Guid EngagementId);

/// <summary>
/// Corrections of an engagement, on Wolverine's aggregate workflow over <see cref="EngagementWriteModel"/> (If-Match,
/// 404, 412 as every write): the engagement's own events go onto its stream, the events for its linked projects onto
/// theirs, each fetched for writing first, all in one transaction.
/// </summary>
public static class VoidEngagementEndpoint
{
    /// <summary>The projects the engagement concerns now, fetched for writing after the engagement (each unlink carries the project's expected version).</summary>
    public static Task<OtherProjects> LoadAsync(EngagementWriteModel? engagement, IDocumentSession session, CancellationToken ct) =>
        OtherProjects.FetchAsync(engagement?.Current.ProjectIds ?? [], session, ct);

    [ProducesResponseType<EngagementCorrectionWritten>(200)]
    [WolverinePost("/api/engagements/{id}/void"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, LinkEngagementToProjects) Post(VoidEngagement command, [WriteAggregate(Required = false)] EngagementWriteModel engagement,
        OtherProjects projects) =>
        EngagementCorrectionAnswer.Of(EngagementCorrectionDecisions.Void(engagement, command.Reason), engagement, projects);
}

public static class CorrectEngagementEndpoint
{
    /// <summary>The projects it concerns now and those the corrected fields name, fetched for writing after the engagement.</summary>
    public static Task<OtherProjects> LoadAsync(CorrectEngagement command, EngagementWriteModel? engagement, IDocumentSession session, CancellationToken ct) =>
        OtherProjects.FetchAsync((engagement?.Current.ProjectIds ?? []).Union(command.Fields?.ProjectIds ?? []), session, ct);

    [ProducesResponseType<EngagementCorrectionWritten>(200)]
    [WolverinePost("/api/engagements/{id}/correct"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, LinkEngagementToProjects) Post(CorrectEngagement command, [WriteAggregate(Required = false)] EngagementWriteModel engagement,
        OtherProjects projects) =>
        EngagementCorrectionAnswer.Of(EngagementCorrectionDecisions.Correct(engagement, command.Fields!, command.Reason, projects.Missing), engagement, projects);
}

/// <summary>Splits a correction's events: the engagement's own for its stream, the rest onto the linked projects' streams.</summary>
public static class EngagementCorrectionAnswer
{
    public static (IResult, Events, LinkEngagementToProjects) Of(Decision decision, EngagementWriteModel engagement, OtherProjects projects)
    {
        var (own, onProjects) = Split(decision);
        var (result, events, _) = WriteResults.Answer(decision with { Events = own }, engagement.Id, engagement.Version,
            next => new EngagementCorrectionWritten(engagement.Id, next, engagement.Id));
        return (result, events, new LinkEngagementToProjects(projects, onProjects)); // a refusal has no events: nothing for the projects either
    }

    public static (IReadOnlyList<object> Own, IReadOnlyList<IOnLinkedProject> OnProjects) Split(Decision decision) =>
        ([.. decision.Events.Where(e => e is not IOnLinkedProject)], [.. decision.Events.OfType<IOnLinkedProject>()]);
}

/// <summary>The endpoints' steps for an in-process caller (the web console, through InProcessWrites): the same loads, decisions and split.</summary>
public static class EngagementCorrectionsInProcess
{
    public static async Task<Decision> VoidAsync(IDocumentSession session, EngagementWriteModel engagement, VoidEngagement command, CancellationToken ct) =>
        Apply(EngagementCorrectionDecisions.Void(engagement, command.Reason), await VoidEngagementEndpoint.LoadAsync(engagement, session, ct));

    public static async Task<Decision> CorrectAsync(IDocumentSession session, EngagementWriteModel engagement, CorrectEngagement command, CancellationToken ct)
    {
        var projects = await CorrectEngagementEndpoint.LoadAsync(command, engagement, session, ct);
        return Apply(EngagementCorrectionDecisions.Correct(engagement, command.Fields!, command.Reason, projects.Missing), projects);
    }

    private static Decision Apply(Decision decision, OtherProjects projects)
    {
        if (!decision.IsAccepted) return decision;
        var (own, onProjects) = EngagementCorrectionAnswer.Split(decision);
        new LinkEngagementToProjects(projects, onProjects).Execute();
        return decision with { Events = own };
    }
}
