using JasperFx.Events;
using Marten;
using ProjectCases.Audit;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.CountryRisks;

public static class LinkCountryRiskDecision
{
    /// <summary>
    /// Links one project to a risk that makes projects react (Warning or Crisis, open): once per project and risk,
    /// and never a withdrawn project. Anything else decides nothing (a replay, a Watch, a closed risk).
    /// </summary>
    /// <param name="openCases">The project's hotline cases not closed, with their reporting companies: the companies are
    /// told (a hotline-desk task, and a notification to each case's reporting contact).</param>
    public static Decision Decide(ProjectWriteModel project, CountryRiskWriteModel risk, DateOnly linkedOn, IReadOnlyList<(Guid CaseId, string Company)> openCases)
    {
        if (!risk.Links || project.FindRisk(risk.Id) is not null || project.Status == ProjectStatusValue.Withdrawn) return Decision.Accept();
        return Decision.Accept(new CountryRiskLinked(project.Id, risk.Id, risk.Country, risk.Kind, risk.Severity, risk.Summary, linkedOn,
            [.. openCases.Select(c => c.Company).Distinct().Order(StringComparer.Ordinal)], [.. openCases.Select(c => c.CaseId).Order()]));
    }
}

/// <summary>
/// The Wolverine handlers CountryRiskLinkingSubscription feeds, after commit: a risk opened or updated at Warning
/// or Crisis links every project of its country and every project it names, each through its own stream's
/// write model (FetchForWriting: the append carries that project's expected version). Idempotent, so a replay,
/// a second escalation or a retry after a concurrent write links nothing twice. The links are recorded in the
/// name of whoever opened or escalated the risk (the daemon has no user of its own): see <see cref="RecordedAs"/>.
/// </summary>
public static class CountryRiskLinkingHandler
{
    public static Task Handle(IEvent<CountryRiskOpened> e, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        LinkAsync(e.Data.RiskId, session, clock, ct, e);

    public static Task Handle(IEvent<CountryRiskUpdated> e, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        LinkAsync(e.Data.RiskId, session, clock, ct, e);

    public static async Task LinkAsync(Guid riskId, IDocumentSession session, TimeProvider clock, CancellationToken ct, IEvent? cause = null)
    {
        if (cause is not null) RecordedAs(session, cause);
        // The risk as it stands now, not as the event left it: a risk closed meanwhile links nothing.
        var risk = await session.Events.FetchLatest<CountryRiskWriteModel>(riskId, ct);
        if (risk is not { Links: true }) return;
        var country = risk.Country;
        var inCountry = await session.Query<ProjectStatus>().Where(p => p.Country == country).Select(p => p.Id).ToListAsync(ct);
        var linkedOn = TokyoTime.Today(clock);
        foreach (var projectId in inCountry.Concat(risk.ProjectIds).Distinct())
        {
            var stream = await session.Events.FetchForWriting<ProjectWriteModel>(projectId, ct);
            if (stream.Aggregate is not { } project || project.FindRisk(riskId) is not null) continue;
            var openCases = await session.Query<TroubleCase>()
                .Where(c => c.ProjectId == projectId && c.Status != TroubleStatus.Closed).Select(c => new { c.Id, c.ReporterCompany }).ToListAsync(ct);
            stream.AppendMany(LinkCountryRiskDecision.Decide(project, risk, linkedOn, [.. openCases.Select(c => (c.Id, c.ReporterCompany))]).Events);
        }
        if (cause is not null && RecordedByName.Of(cause) is { } name)
            foreach (var pending in session.PendingChanges.Streams())
                foreach (var linked in pending.Events) linked.SetHeader(RecordedByName.Header, name);
    }

    /// <summary>
    /// A link is the consequence of the risk's opening or escalation: its user (and display name, set on the appended
    /// events above) are that event's, so that the project's timeline and history say who caused it, like any other fact.
    /// </summary>
    private static void RecordedAs(IDocumentSession session, IEvent cause)
    {
        if (cause.UserName is { Length: > 0 } user) session.LastModifiedBy = user;
        if (cause.CorrelationId is { Length: > 0 } correlation) session.CorrelationId = correlation;
        session.CausationId = cause.Id.ToString();
    }
}
