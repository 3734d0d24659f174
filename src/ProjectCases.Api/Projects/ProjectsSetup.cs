using JasperFx.Events.Projections;
using Marten;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Projects.SampleData;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects;

public static class ProjectsSetup
{
    /// <summary>Services of the Projects feature: the sample-data loader, and loading it into an empty database.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddSingleton<SampleDataLoader>();
        services.AddHostedService<LoadSampleDataOnEmptyDatabase>();
        services.AddSingleton<IMissingWriteModels, MissingWriteModels<ProjectStatus, ProjectWriteModel>>();
        services.AddHostedService<StoredProjectsWithoutReadTimeFields>();
        return services;
    }

    /// <summary>Project stream events (with stable stored names), the inline status projection and its indexes.</summary>
    public static void ConfigureProjects(this StoreOptions opts)
    {
        opts.Events.MapEventType<ProjectRegistered>("project_registered");
        opts.Events.MapEventType<TouchpointLogged>("touchpoint_logged");
        opts.Events.MapEventType<TouchpointOutcomeRecorded>("touchpoint_outcome_recorded");
        opts.Events.MapEventType<StudyStarted>("study_started");
        opts.Events.MapEventType<StudyCompleted>("study_completed");
        opts.Events.MapEventType<AgreementSigned>("agreement_signed");
        opts.Events.MapEventType<TenderOpened>("tender_opened");
        opts.Events.MapEventType<JapaneseBidsRecorded>("japanese_bids_recorded");
        opts.Events.MapEventType<ContractAwarded>("contract_awarded");
        opts.Events.MapEventType<TenderFailed>("tender_failed");
        opts.Events.MapEventType<ProjectStatusChanged>("project_status_changed");
        opts.Events.MapEventType<Corrections.FactVoided>("fact_voided");
        opts.Events.MapEventType<Corrections.FactCorrected>("fact_corrected");
        opts.Events.MapEventType<Corrections.ProjectVoided>("project_voided");

        opts.Projections.Add<ProjectStatusProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ProjectWriteModelProjection>(ProjectionLifecycle.Inline);
        // Filters of GET /api/projects read these columns instead of the JSON body.
        opts.Schema.For<ProjectStatus>()
            .Duplicate(p => p.Country)
            .Duplicate(p => p.Sector)
            .Duplicate(p => p.Stage)
            .Duplicate(p => p.Status)
            .Duplicate(p => p.Name)
            .Duplicate(p => p.Region)
            .Duplicate(p => p.Financing)
            .Duplicate(p => p.Ministry)
            .Duplicate(p => p.Voided)
            .LeaveRoomForUpdates();
        opts.Schema.For<ProjectWriteModel>().LeaveRoomForUpdates();
    }
}
