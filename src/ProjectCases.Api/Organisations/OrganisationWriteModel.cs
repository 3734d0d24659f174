using JasperFx.Events;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;

namespace ProjectCases.Organisations;

/// <summary>What a rename needs: the current names. Folded inline with each append.</summary>
public sealed record OrganisationWriteModel(Guid Id, long Version, string Name, string? NameJa, OrganisationKind Kind)
    : IWriteModel<OrganisationWriteModel>
{
    /// <summary>The organisation as it is read, rewritten inline with every append: fetched with this model (ReadModelsBesideWrites).</summary>
    public static IReadOnlyList<Type> ReadModelsBeside => [typeof(Organisation)];

    public static ProblemDetails NotFound(Guid id) => new()
    {
        Status = 404, Title = "Organisation not found", Detail = $"No organisation {id} exists.",
    };
}

public sealed class OrganisationWriteModelProjection : SingleStreamProjection<OrganisationWriteModel, Guid>
{
    public OrganisationWriteModelProjection()
    {
        IncludeType<OrganisationRegistered>();
        IncludeType<OrganisationRenamed>();
    }

    public override OrganisationWriteModel? Evolve(OrganisationWriteModel? snapshot, Guid id, IEvent e) => e.Data switch
    {
        OrganisationRegistered r => new OrganisationWriteModel(id, e.Version, r.Name, r.NameJa, r.Kind),
        OrganisationRenamed r when snapshot is not null => snapshot with { Version = e.Version, Name = r.Name, NameJa = r.NameJa },
        _ => snapshot is null ? null : snapshot with { Version = e.Version },
    };
}
