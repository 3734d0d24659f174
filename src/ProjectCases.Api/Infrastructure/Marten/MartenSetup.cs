using JasperFx;
using JasperFx.Events;
using JasperFx.OpenTelemetry;
using Marten;
using ProjectCases.Infrastructure.Errors;
using TransientFailures = ProjectCases.Infrastructure.Errors.TransientFailures;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Infrastructure.Postgres;
using Weasel.Core;

namespace ProjectCases.Infrastructure.Marten;

public static class MartenSetup
{
    public const string Schema = "projectcases";

    /// <summary>
    /// The event store and documents. Each feature adds its own events and projections through
    /// the <paramref name="features"/> callbacks so that this file stays feature-agnostic.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddProjectCasesMarten(this IServiceCollection services,
        params Action<StoreOptions>[] features)
    {
        services.AddSingleton<DatabaseConnection>();
        services.AddSingleton<KeyedReads>();
        services.AddHostedService<LocalPostgresLifetime>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IdempotencyCommitListener>();
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(provider.GetRequiredService<IdempotencyCommitListener>()));

        var marten = services.AddMarten(provider =>
            {
                var opts = new StoreOptions();
                opts.Connection(provider.GetRequiredService<DatabaseConnection>().ConnectionString);
                opts.DatabaseSchemaName = Schema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonSetup.ApplyStoredEventRules);

                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                // Who recorded each event (user name), the request's trace (correlation) and the
                // message that caused it (causation) are stored as event metadata columns.
                opts.Events.MetadataConfig.EnableAll();
                opts.Events.MetadataConfig.UserNameEnabled = true; // not part of EnableAll()
                opts.Projections.UseIdentityMapForAggregates = true;
                // Marten's own spans (sessions, connections) and its event-append counters.
                opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                opts.OpenTelemetry.TrackEventCounters();
                opts.RetryReadsOnceAfterDesync();
                // One pooled connection per session, from its first command to its disposal: a write's fetch,
                // the inline projections' loads and the commit otherwise take three (Marten 7+ "use and close"),
                // and every checkout makes Npgsql replay its seven-statement connection reset (docs/benchmarks).
                opts.UseStickyConnectionLifetimes = true;

                UseDaemonErrorPolicy(opts);
                opts.Schema.For<IdempotencyRecord>();

                foreach (var feature in features) feature(opts);
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        // After the schema is applied, before Wolverine (messages) and the web host (requests) start.
        services.AddHostedService<StoreMissingWriteModels>();
        return marten;
        // No AddAsyncDaemon/IntegrateWithWolverine here: ClusterSetup.RunAsyncProjections adds them (Program.cs),
        // HotCold on one node and Wolverine-managed distribution in a cluster (issue 19).
    }

    /// <summary>
    /// What the async daemon does when a projection or subscription fails (docs/operations.md, "Outages and
    /// dead letters"). A lost database is never a reason to skip: such failures (TransientFailures) pause the
    /// shard, and the projection coordinator starts it again from its last committed position after its
    /// health-check interval (5 s), for as long as it takes. An event that fails in projection code for any
    /// other reason is poisoned: while running continuously it goes to the dead-letter store
    /// (mt_doc_deadletterevent) and the shard moves on, which turns /health/ready red until an operator
    /// replays it; during a rebuild the same failure stops the rebuild instead.
    /// </summary>
    private static void UseDaemonErrorPolicy(StoreOptions opts)
    {
        TransientFailures.RegisterWithTheDaemon();
        opts.Projections.Errors.SkipApplyErrors = true;
        opts.Projections.Errors.SkipSerializationErrors = true;
        opts.Projections.Errors.SkipUnknownEvents = true;
        opts.Projections.RebuildErrors.SkipApplyErrors = false;
        opts.Projections.RebuildErrors.SkipSerializationErrors = false;
        opts.Projections.RebuildErrors.SkipUnknownEvents = false;
    }
}
