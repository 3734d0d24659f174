using System.Security.Claims;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Troubles;

/// <summary>
/// What case decisions and the service-level checks need: status, priority, who reported it (access),
/// and where each deadline stands. Immutable; kept inline (a stored document) from the case's own stream by
/// <see cref="TroubleWriteModelProjection"/>. The case detail and the queue row are <see cref="TroubleCase"/>, a read model.
/// </summary>
public sealed record TroubleWriteModel(
    Guid Id, long StreamVersion, Guid ProjectId, string ReporterCompany, TroubleStatus Status, Priority Priority, TroubleCategory Category,
    DateTimeOffset ReportedAt, string? Assignee, bool Acknowledged,
    DateTimeOffset FirstResponseDue, DateTimeOffset? FirstRespondedAt, bool FirstResponseBreached,
    DateTimeOffset ResolutionDue, bool ResolutionBreached) : IWriteModel<TroubleWriteModel>
{
    /// <summary>The stream's version (IWriteModel). Not named Version in the stored document: Marten sets a projected
    /// document's Version member to the last event's version, which is 0 for an event appended without an expected
    /// version (quick append, e.g. the follow-up rules); <see cref="StreamVersions.Next"/> counts on from the model instead.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version => StreamVersion;

    /// <summary>The case as the hotline reads it, rewritten inline with every append: fetched with this model (ReadModelsBesideWrites).</summary>
    public static IReadOnlyList<Type> ReadModelsBeside => [typeof(Cases.TroubleCase)];

    public static ProblemDetails NotFound(Guid id) => new()
    {
        Status = 404, Title = "Trouble case not found", Detail = $"No trouble case {id} exists (or it is not visible to you).",
    };

    /// <summary>Case confidentiality: a company user acts only on cases its own company reported.</summary>
    public bool VisibleTo(ClaimsPrincipal user) => TroubleAccess.CompanyOf(user) is not { } company || ReporterCompany == company;

    /// <summary>The shared refusal of hotline actions on a case that is no longer open.</summary>
    public Decision? MustBeOpen(string action) => Status == TroubleStatus.Open
        ? null
        : Decision.Conflict($"Cannot {action}: the case is {Status.ToString().ToLowerInvariant()}{(Status == TroubleStatus.Closed ? "" : "; reopen it first")}.");

    public static TroubleWriteModel Start(TroubleReported e) => new(e.TroubleId, 1, e.ProjectId, e.Reporter.Company, TroubleStatus.Open,
        e.Priority, e.Category, e.ReportedAt, null, false, e.Dues.FirstResponseDue, null, false, e.Dues.ResolutionDue, false);

    /// <summary>The fold: one event in, the next state out (the same rules as the case projection for these fields).</summary>
    public TroubleWriteModel Fold(object e, long version) => (e switch
    {
        TroubleTriaged x => Responded(x.At) with
        {
            Priority = x.Priority, Category = x.Category, FirstResponseDue = x.Dues.FirstResponseDue, ResolutionDue = x.Dues.ResolutionDue,
        },
        TroubleAssigned x => this with { Assignee = x.Officer },
        AgencyConsulted x => Responded(x.At),
        TroubleNoteAdded { ByCompany: false, Visibility: NoteVisibility.Shared } x => Responded(x.At),
        TroubleResolved x => Responded(x.At) with { Status = TroubleStatus.Resolved, Acknowledged = false },
        ResolutionAcknowledged => this with { Acknowledged = true },
        TroubleClosed => this with { Status = TroubleStatus.Closed },
        TroubleReopened x => this with { Status = TroubleStatus.Open, Acknowledged = false, ResolutionDue = x.ResolutionDue, ResolutionBreached = false },
        FirstResponseOverdue => this with { FirstResponseBreached = true },
        ResolutionOverdue => this with { ResolutionBreached = true },
        _ => this,
    }) with { StreamVersion = version };

    private TroubleWriteModel Responded(DateTimeOffset at) => this with { FirstRespondedAt = FirstRespondedAt ?? at };
}

/// <summary>The inline projection of <see cref="TroubleWriteModel"/> (a stored document, fetched for writing in one row).
/// Its allow-list is <see cref="TroubleCaseProjection"/>'s: every event a case stream holds. A case starts only from a
/// TroubleReported on its own stream (a legacy copy on a project stream never makes one).</summary>
public sealed class TroubleWriteModelProjection : SingleStreamProjection<TroubleWriteModel, Guid>
{
    public TroubleWriteModelProjection()
    {
        foreach (var type in TroubleCaseProjection.StreamEvents) IncludeType(type);
    }

    public override TroubleWriteModel? Evolve(TroubleWriteModel? snapshot, Guid id, IEvent e) =>
        snapshot is null
            ? e.Data is TroubleReported reported && reported.TroubleId == id ? TroubleWriteModel.Start(reported) with { StreamVersion = StreamVersions.Next(e, null) } : null
            : snapshot.Fold(e.Data, StreamVersions.Next(e, snapshot.StreamVersion));
}
