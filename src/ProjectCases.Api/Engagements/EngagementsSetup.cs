using JasperFx.Events.Projections;
using Marten;

namespace ProjectCases.Engagements;

public static class EngagementsSetup
{
    /// <summary>Engagement events (stable stored names), the inline engagement documents and the columns their filters read.</summary>
    public static void ConfigureEngagements(this StoreOptions opts)
    {
        opts.Events.MapEventType<EngagementRecorded>("engagement_recorded");
        opts.Events.MapEventType<EngagementLinked>("engagement_linked");
        opts.Projections.Add<EngagementProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Engagement>()
            .Duplicate(e => e.Country)
            .Duplicate(e => e.Ministry)
            .Duplicate(e => e.On)
            .Duplicate(e => e.FiscalYear);
    }
}
