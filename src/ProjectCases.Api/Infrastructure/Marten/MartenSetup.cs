using JasperFx;
using JasperFx.Events;
using JasperFx.OpenTelemetry;
using Marten;
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
        services.AddHostedService<LocalPostgresLifetime>();

        return services.AddMarten(provider =>
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

                foreach (var feature in features) feature(opts);
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        // No AddAsyncDaemon/IntegrateWithWolverine here: ClusterSetup.RunAsyncProjections adds them (Program.cs),
        // HotCold on one node and Wolverine-managed distribution in a cluster (issue 19).
    }
}
