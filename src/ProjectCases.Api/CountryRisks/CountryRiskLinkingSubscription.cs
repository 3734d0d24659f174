using ProjectCases.Infrastructure.Marten;
using Wolverine.Runtime;

namespace ProjectCases.CountryRisks;

/// <summary>
/// Feeds CountryRiskOpened and CountryRiskUpdated to CountryRiskLinkingHandler, with EventsToHandlersSubscription's
/// failure policy. A user's write on one of the projects racing the linking is simply linked again (idempotent).
/// </summary>
public sealed class CountryRiskLinkingSubscription(IWolverineRuntime runtime, ILogger<CountryRiskLinkingSubscription> logger)
    : EventsToHandlersSubscription(SubscriptionName, [typeof(CountryRiskOpened), typeof(CountryRiskUpdated)], runtime, logger)
{
    public const string SubscriptionName = "CountryRiskLinking";
}
