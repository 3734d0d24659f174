using JasperFx.Events.Projections;
using Marten;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Troubles.Cases;
using ProjectCases.Troubles.ServiceLevels;

namespace ProjectCases.Troubles;

public static class TroublesSetup
{
    public static IServiceCollection AddTroubles(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServiceLevelOptions>(configuration.GetSection(ServiceLevelOptions.Section));
        services.AddSingleton<ServiceLevelClock>();
        services.AddSingleton<IMissingWriteModels, MissingWriteModels<TroubleCase, TroubleWriteModel>>();
        return services;
    }

    /// <summary>Case stream events (stable stored names), the inline case projection and the queue's indexed columns.</summary>
    public static void ConfigureTroubles(this StoreOptions opts)
    {
        opts.Events.MapEventType<TroubleReported>("trouble_reported");
        opts.Events.MapEventType<TroubleTriaged>("trouble_triaged");
        opts.Events.MapEventType<TroubleAssigned>("trouble_assigned");
        opts.Events.MapEventType<AgencyConsulted>("agency_consulted");
        opts.Events.MapEventType<TopClaimMade>("top_claim_made");
        opts.Events.MapEventType<TroubleNoteAdded>("trouble_note_added");
        opts.Events.MapEventType<TroubleResolved>("trouble_resolved");
        opts.Events.MapEventType<ResolutionAcknowledged>("resolution_acknowledged");
        opts.Events.MapEventType<TroubleClosed>("trouble_closed");
        opts.Events.MapEventType<TroubleReopened>("trouble_reopened");
        opts.Events.MapEventType<FirstResponseOverdue>("first_response_overdue");
        opts.Events.MapEventType<ResolutionOverdue>("resolution_overdue");

        opts.Projections.Add<TroubleCaseProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<TroubleWriteModelProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<TroubleCase>()
            .Duplicate(c => c.ProjectId)
            .Duplicate(c => c.ReporterCompany)
            .Duplicate(c => c.ReporterOrganisationId)
            .Duplicate(c => c.Status)
            .Duplicate(c => c.PriorityRank)
            .Duplicate(c => c.Assignee)
            .Duplicate(c => c.NextDueAt)
            .Duplicate(c => c.ReportedAt)
            .Duplicate(c => c.ResolvedAt) // the hotline report's year bounds
            .Index(c => c.Category)
            // The queue's order (HotlineQueue): open cases by priority, then nearest deadline.
            .Index([c => c.Status, c => c.PriorityRank, c => c.NextDueAt!, c => c.Id], index => index.Name = "mt_doc_troublecase_queue");
    }
}
