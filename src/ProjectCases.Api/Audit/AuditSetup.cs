using Marten;
using ProjectCases.Audit.Sealing;

namespace ProjectCases.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<StoredEvents>();
        services.AddSingleton<ChainVerifier>();
        services.AddSingleton<DocumentContentCheck>();
        services.AddHttpContextAccessor();
        services.AddSingleton<RecordedByName>();
        services.AddSingleton<Feed.StreamTypes>();
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(provider.GetRequiredService<RecordedByName>()));
        return services;
    }

    /// <summary>The seals of the hash chain and the subscription that writes them.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddAuditSealing(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<EventSeal>().Duplicate(s => s.StreamId);
            opts.Schema.For<StreamSealHead>();
        });
        marten.AddSubscriptionWithServices<EventSealing>(ServiceLifetime.Singleton);
        return marten;
    }
}
