using JasperFx.Events;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Marten;

namespace ProjectCases.FollowUps.Tasks;

/// <summary>What task decisions and the overdue check need. Immutable; kept inline (a stored document) from the task's stream
/// by <see cref="FollowUpWriteModelProjection"/>. The list row is <see cref="FollowUpTask"/>, a read model.</summary>
public sealed record FollowUpWriteModel(Guid Id, long StreamVersion, FollowUpStatus Status, DateOnly DueOn, string Owner, bool OverdueRecorded)
    : IWriteModel<FollowUpWriteModel>
{
    /// <summary>The stream's version (IWriteModel). Not named Version in the stored document: Marten sets a projected
    /// document's Version member to the last event's version, which is 0 for an event appended without an expected
    /// version (quick append, e.g. the follow-up rules); <see cref="StreamVersions.Next"/> counts on from the model instead.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version => StreamVersion;

    /// <summary>The task as lists and the console read it, rewritten inline with every append: fetched with this model (ReadModelsBesideWrites).</summary>
    public static IReadOnlyList<Type> ReadModelsBeside => [typeof(FollowUpTask)];

    public static ProblemDetails NotFound(Guid id) => new()
    {
        Status = 404, Title = "Follow-up not found", Detail = $"No follow-up task {id} exists.",
    };

    public Decision? MustBeOpen(string action) => Status == FollowUpStatus.Open
        ? null
        : Decision.Conflict($"Cannot {action}: the task is already {(Status == FollowUpStatus.Done ? "done" : "cancelled")}.");

    public static FollowUpWriteModel Start(FollowUpScheduled e) => new(e.TaskId, 1, FollowUpStatus.Open, e.DueOn, e.Owner, false);

    public FollowUpWriteModel Fold(object e, long version) => (e switch
    {
        FollowUpCompleted => this with { Status = FollowUpStatus.Done },
        FollowUpCancelled => this with { Status = FollowUpStatus.Cancelled },
        FollowUpRescheduled x => this with { DueOn = x.DueOn, OverdueRecorded = false },
        FollowUpReassigned x => this with { Owner = x.Owner },
        FollowUpOverdue => this with { OverdueRecorded = true },
        _ => this,
    }) with { StreamVersion = version };
}

/// <summary>The inline projection of <see cref="FollowUpWriteModel"/> (a stored document, fetched for writing in one row).
/// Its allow-list is <see cref="FollowUpTaskProjection"/>'s: every event a task stream holds.</summary>
public sealed class FollowUpWriteModelProjection : SingleStreamProjection<FollowUpWriteModel, Guid>
{
    public FollowUpWriteModelProjection()
    {
        foreach (var type in FollowUpTaskProjection.StreamEvents) IncludeType(type);
    }

    public override FollowUpWriteModel? Evolve(FollowUpWriteModel? snapshot, Guid id, IEvent e) =>
        snapshot is null
            ? e.Data is FollowUpScheduled scheduled ? FollowUpWriteModel.Start(scheduled) with { StreamVersion = StreamVersions.Next(e, null) } : null
            : snapshot.Fold(e.Data, StreamVersions.Next(e, snapshot.StreamVersion));
}
