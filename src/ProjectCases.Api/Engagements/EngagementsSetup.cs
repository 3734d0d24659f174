using JasperFx.Events.Projections;
using Marten;

namespace ProjectCases.Engagements;

public static class EngagementsSetup
{
    /// <summary>Engagement events (stable stored names), the inline engagement documents, the live write model and the columns their filters read.</summary>
    public static void ConfigureEngagements(this StoreOptions opts)
    {
        opts.Events.MapEventType<EngagementRecorded>("engagement_recorded");
        opts.Events.MapEventType<EngagementLinked>("engagement_linked");
        opts.Events.MapEventType<EngagementCorrected>("engagement_corrected");
        opts.Events.MapEventType<EngagementVoided>("engagement_voided");
        opts.Events.MapEventType<EngagementLinkCorrected>("engagement_link_corrected");
        opts.Events.MapEventType<EngagementUnlinked>("engagement_unlinked");
        opts.Projections.Add<EngagementProjection>(ProjectionLifecycle.Inline);
        // Corrections decide on this; folded live (an engagement stream is a recording and its rare corrections).
        opts.Projections.Add<EngagementWriteModelProjection>(ProjectionLifecycle.Live);
        opts.Schema.For<Engagement>()
            .Duplicate(e => e.Country)
            .Duplicate(e => e.Ministry)
            .Duplicate(e => e.On)
            .Duplicate(e => e.FiscalYear);
    }
}
