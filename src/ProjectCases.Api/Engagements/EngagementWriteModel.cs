using JasperFx.Events;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;

namespace ProjectCases.Engagements;

/// <summary>
/// What engagement corrections decide on: the engagement as it counts now (its corrected values, its linked
/// projects) and whether it was voided. Folded live: an engagement stream holds a recording and the rare
/// corrections of it, a handful of events.
/// </summary>
public sealed record EngagementWriteModel(Guid Id, long Version, bool Voided, EngagementRecorded Current) : IWriteModel<EngagementWriteModel>
{
    /// <summary>The engagement as it is read, rewritten inline with every append: fetched with this model (ReadModelsBesideWrites).</summary>
    public static IReadOnlyList<Type> ReadModelsBeside => [typeof(Engagement)];

    public static ProblemDetails NotFound(Guid id) => new()
    {
        Status = 404, Title = "Engagement not found", Detail = $"No engagement {id} exists.",
    };

    public static EngagementWriteModel Start(EngagementRecorded e) => new(e.EngagementId, 1, false, e);

    public EngagementWriteModel Fold(object e, long version) => (e switch
    {
        EngagementCorrected x => this with { Current = x.Corrected },
        EngagementVoided => this with { Voided = true },
        _ => this,
    }) with { Version = version };
}

public sealed class EngagementWriteModelProjection : SingleStreamProjection<EngagementWriteModel, Guid>
{
    public override EngagementWriteModel? Evolve(EngagementWriteModel? snapshot, Guid id, IEvent e) =>
        snapshot is null
            ? e.Data is EngagementRecorded recorded ? EngagementWriteModel.Start(recorded) with { Version = e.Version } : null
            : snapshot.Fold(e.Data, e.Version);
}
