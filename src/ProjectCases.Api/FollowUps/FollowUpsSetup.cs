using JasperFx.Events.Projections;
using Marten;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.FollowUps.Rules;
using ProjectCases.FollowUps.Tasks;
using Wolverine.Runtime;

namespace ProjectCases.FollowUps;

public static class FollowUpsSetup
{
    public static void ConfigureFollowUps(this StoreOptions opts)
    {
        opts.Events.MapEventType<FollowUpScheduled>("follow_up_scheduled");
        opts.Events.MapEventType<FollowUpCompleted>("follow_up_completed");
        opts.Events.MapEventType<FollowUpRescheduled>("follow_up_rescheduled");
        opts.Events.MapEventType<FollowUpReassigned>("follow_up_reassigned");
        opts.Events.MapEventType<FollowUpCancelled>("follow_up_cancelled");
        opts.Events.MapEventType<FollowUpOverdue>("follow_up_overdue");

        opts.Projections.Add<FollowUpTaskProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<FollowUpWriteModelProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<FollowUpTask>()
            .Duplicate(t => t.Status).Duplicate(t => t.DueOn).Duplicate(t => t.Owner)
            .Duplicate(t => t.ProjectId).Duplicate(t => t.TroubleId).Duplicate(t => t.SubjectId).Duplicate(t => t.Rule);
    }

    /// <summary>The rules run on the async daemon: a Marten subscription hands each relevant event, in order, to FollowUpEventHandler.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddFollowUpRules(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.AddSingleton<IMissingWriteModels, MissingWriteModels<FollowUpTask, FollowUpWriteModel>>();
        // Resolved when the store is built, as Wolverine's own subscriptions are (the runtime needs the store first).
        marten.Services.ConfigureMarten((provider, opts) => opts.Projections.Subscribe(new FollowUpRulesSubscription(
            provider.GetRequiredService<IWolverineRuntime>(), provider.GetRequiredService<ILogger<FollowUpRulesSubscription>>())));
        return marten;
    }
}
