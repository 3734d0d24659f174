using JasperFx.Events.Projections;
using Marten;
using Wolverine.Runtime;

namespace ProjectCases.CountryRisks;

public static class CountryRisksSetup
{
    /// <summary>Risk stream events, the facts a risk leaves on projects (stable stored names), the risk projections.</summary>
    public static void ConfigureCountryRisks(this StoreOptions opts)
    {
        opts.Events.MapEventType<CountryRiskOpened>("country_risk_opened");
        opts.Events.MapEventType<CountryRiskUpdated>("country_risk_updated");
        opts.Events.MapEventType<CountryRiskClosed>("country_risk_closed");
        opts.Events.MapEventType<CountryRiskLinked>("country_risk_linked");
        opts.Events.MapEventType<CountryRiskDecided>("country_risk_decided");

        opts.Projections.Add<CountryRiskProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CountryRiskWriteModelProjection>(ProjectionLifecycle.Live);
        opts.Schema.For<CountryRisk>().Duplicate(r => r.Country).Duplicate(r => r.StateRank);
    }

    /// <summary>Linking runs on the async daemon, after commit (CountryRiskLinkingSubscription).</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddCountryRiskLinking(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.ConfigureMarten((provider, opts) => opts.Projections.Subscribe(new CountryRiskLinkingSubscription(
            provider.GetRequiredService<IWolverineRuntime>(), provider.GetRequiredService<ILogger<CountryRiskLinkingSubscription>>())));
        return marten;
    }
}
