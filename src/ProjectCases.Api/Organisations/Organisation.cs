using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ProjectCases.Organisations;

/// <summary>
/// An organisation as it stands, with every name it has had (renames keep the former ones). The normalised
/// keys are duplicated columns: the duplicate check on create and rename, and the company-claim lookup.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string? NameJa { get; set; }
    public OrganisationKind Kind { get; set; }
    public string Country { get; set; } = "";
    public List<Guid> MemberIds { get; set; } = [];
    public string NameKey { get; set; } = "";
    public string NameJaKey { get; set; } = "";
    public List<OrganisationName> Names { get; set; } = [];
}

/// <summary>A name the organisation carried from <see cref="From"/> (recording time), set at stream version <see cref="Version"/>.</summary>
public sealed record OrganisationName(long Version, string Name, string? NameJa, DateTimeOffset From, string? Reason);

public sealed class OrganisationProjection : SingleStreamProjection<Organisation, Guid>
{
    // Without the types, Marten cannot tell which events an Evolve override folds and loads an Organisation for every
    // stream of every write (a project's touchpoint included): one wasted round trip per write per such projection.
    public OrganisationProjection()
    {
        IncludeType<OrganisationRegistered>();
        IncludeType<OrganisationRenamed>();
    }

    public override Organisation? Evolve(Organisation? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case OrganisationRegistered r:
                snapshot = new Organisation { Id = id, Kind = r.Kind, Country = r.Country, MemberIds = [.. r.MemberIds] };
                Named(snapshot, r.Name, r.NameJa, e, null);
                break;
            case OrganisationRenamed r when snapshot is not null:
                Named(snapshot, r.Name, r.NameJa, e, r.Reason);
                break;
        }
        if (snapshot is not null) snapshot.Version = e.Version;
        return snapshot;
    }

    private static void Named(Organisation o, string name, string? nameJa, IEvent e, string? reason)
    {
        o.Name = name;
        o.NameJa = nameJa;
        o.NameKey = OrganisationNames.Normalise(name);
        o.NameJaKey = nameJa is null ? "" : OrganisationNames.Normalise(nameJa);
        o.Names.Add(new OrganisationName(e.Version, name, nameJa, e.Timestamp, reason));
    }
}
