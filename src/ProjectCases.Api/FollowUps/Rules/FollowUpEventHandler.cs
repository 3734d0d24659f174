using JasperFx.Events;
using Marten;
using ProjectCases.CountryRisks;
using Microsoft.Extensions.Options;
using ProjectCases.Projects.Corrections;
using ProjectCases.Projects;
using ProjectCases.Troubles;
using Wolverine;

namespace ProjectCases.FollowUps.Rules;

/// <summary>
/// The Wolverine handlers the follow-up subscription feeds. Wolverine finds a handler per message type
/// (IEvent&lt;T&gt;), so each type of FollowUpRules.Table needs its entry point here; they only hand the
/// event to the table. The unit test FollowUpRuleTableTests checks that these are exactly the table's types.
/// </summary>
public static class FollowUpEventHandler
{
    public static Task Handle(IEvent<TouchpointLogged> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TouchpointOutcomeRecorded> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<AgreementSigned> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TenderOpened> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<JapaneseBidsRecorded> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TenderFailed> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<ContractAwarded> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<ProjectStatusChanged> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<FactVoided> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<FactCorrected> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<CountryRiskLinked> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<CountryRiskDecided> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TroubleReported> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TroubleTriaged> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<AgencyConsulted> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TroubleNoteAdded> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TroubleAssigned> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TroubleResolved> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
    public static Task Handle(IEvent<TroubleReopened> e, IDocumentSession s, IMessageBus b, IOptions<FollowUpOptions> o, CancellationToken ct) => FollowUpAutomation.CarryOutAsync(e, s, b, o.Value, ct);
}
