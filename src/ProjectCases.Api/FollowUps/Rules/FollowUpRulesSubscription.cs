using ProjectCases.Infrastructure.Marten;
using Wolverine.Runtime;

namespace ProjectCases.FollowUps.Rules;

/// <summary>
/// Feeds the rules' events to FollowUpEventHandler, with EventsToHandlersSubscription's failure policy (a lost
/// database pauses and resumes, never skips). Events handled before a pause are handled again on resume: the rules
/// are idempotent (FollowUpAutomation).
/// </summary>
public sealed class FollowUpRulesSubscription(IWolverineRuntime runtime, ILogger<FollowUpRulesSubscription> logger)
    : EventsToHandlersSubscription(SubscriptionName, FollowUpRules.EventTypes, runtime, logger)
{
    public const string SubscriptionName = "FollowUpRules";
}
