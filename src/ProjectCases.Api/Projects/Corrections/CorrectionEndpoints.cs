using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Projects.Corrections;

public sealed record VoidFact([property: Required, StringLength(2000, MinimumLength = 1)] string Reason);

/// <summary>`fields`: the full body of the route that recorded the fact, with the corrected values.</summary>
public sealed record CorrectFact([property: Required, StringLength(2000, MinimumLength = 1)] string Reason, [property: Required] JsonElement? Fields);

public sealed record VoidProject([property: Required, StringLength(2000, MinimumLength = 1)] string Reason);

/// <summary>
/// Corrections append new events to the project's stream (never edits). Each reads the corrected view of the
/// stream first (LoadAsync): which fact a version names, what depends on it, what counted. The route's
/// parameter is factVersion, not version: Wolverine's aggregate workflow would take `version` as the expected stream version.
/// </summary>
public static class VoidFactEndpoint
{
    public static Task<ProjectRecord> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => CorrectedStream.ReadAsync(session, id, ct);

    [Microsoft.AspNetCore.Mvc.ProducesResponseType<FactVoidWritten>(200)]
    [WolverinePost("/api/projects/{id}/facts/{factVersion}/void"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(long factVersion, VoidFact command, [WriteAggregate(Required = false)] ProjectWriteModel project, ProjectRecord record) =>
        WriteResults.Answer(CorrectionDecisions.VoidFact(project, record, factVersion, command.Reason), project.Id, project.Version,
            next => new FactVoidWritten(project.Id, next, factVersion));
}

public static class CorrectFactEndpoint
{
    public static Task<ProjectRecord> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => CorrectedStream.ReadAsync(session, id, ct);

    [Microsoft.AspNetCore.Mvc.ProducesResponseType<FactCorrectionWritten>(200)]
    [WolverinePost("/api/projects/{id}/facts/{factVersion}/correct"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(long factVersion, CorrectFact command, [WriteAggregate(Required = false)] ProjectWriteModel project,
        ProjectRecord record, IOptions<JsonOptions> json, TimeProvider clock)
    {
        // The fact must exist before its fields can be read as its route's body: refusals first, fields second.
        var (fact, refusal) = CorrectionDecisions.Locate(project, record, factVersion, "correct");
        if (refusal is not null) return WriteResults.Answer(refusal, project.Id, project.Version);
        var (corrected, problem) = CorrectedFields.Read(fact!.Fact, command.Fields!.Value, json.Value.SerializerOptions, new Clock(clock));
        if (problem is not null) return (Results.Problem(problem), [], []);
        return WriteResults.Answer(CorrectionDecisions.CorrectFact(project, record, factVersion, command.Reason, corrected!), project.Id, project.Version,
            next => new FactCorrectionWritten(project.Id, next, factVersion));
    }

    /// <summary>What DataAnnotations (BusinessDate) may ask for while validating the fields: the clock.</summary>
    private sealed class Clock(TimeProvider clock) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TimeProvider) ? clock : null;
    }
}

public static class VoidProjectEndpoint
{
    public static Task<ProjectRecord> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => CorrectedStream.ReadAsync(session, id, ct);

    [WolverinePost("/api/projects/{id}/void"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, Events, OutgoingMessages) Post(VoidProject command, [WriteAggregate(Required = false)] ProjectWriteModel project, ProjectRecord record) =>
        WriteResults.Answer(CorrectionDecisions.VoidProject(project, record, command.Reason), project.Id, project.Version);
}
