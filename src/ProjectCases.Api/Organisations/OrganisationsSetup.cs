using JasperFx.Events.Projections;
using Marten;

namespace ProjectCases.Organisations;

public static class OrganisationsSetup
{
    /// <summary>Organisation and contact stream events (stable stored names), their inline documents and looked-up columns.</summary>
    public static void ConfigureOrganisations(this StoreOptions opts)
    {
        opts.Events.MapEventType<OrganisationRegistered>("organisation_registered");
        opts.Events.MapEventType<OrganisationRenamed>("organisation_renamed");
        opts.Events.MapEventType<ContactRegistered>("contact_registered");

        opts.Projections.Add<OrganisationProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<OrganisationWriteModelProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ContactProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Organisation>().Duplicate(o => o.NameKey).Duplicate(o => o.NameJaKey).Duplicate(o => o.Kind);
        opts.Schema.For<Contact>().Duplicate(c => c.OrganisationId);
    }
}
