using JasperFx.Events;
using ProjectCases.CountryRisks;
using ProjectCases.FollowUps.Rules;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Tests.Support;

namespace ProjectCases.Tests.CountryRisks;

/// <summary>Every country-risk decision rule, on the pure functions: no database.</summary>
public class RiskDecisionRules
{
    private static readonly Guid RiskId = Guid.NewGuid();
    private static readonly DateOnly On = new(2026, 4, 20);

    private static CountryRiskWriteModel Risk(CountryRiskSeverity severity = CountryRiskSeverity.Crisis, bool closed = false) =>
        new(RiskId, 1, "LK", CountryRiskKind.SovereignDefault, severity, "Default", closed, []);

    private static CountryRiskLinked Linked(Guid projectId, params string[] companies) =>
        new(projectId, RiskId, "LK", CountryRiskKind.SovereignDefault, CountryRiskSeverity.Crisis, "Default", On, companies);

    private static ProjectWriteModel LinkedProject(params object[] more)
    {
        var id = Guid.NewGuid();
        return Given.Project(id, [Linked(id), .. more]);
    }

    private static RecordRiskDecision Command(RiskDecisionKind decision, Guid? riskId = null) =>
        new(riskId ?? RiskId, decision, "Partner's intent confirmed", On, JapanLevel.Minister, decision == RiskDecisionKind.Withdraw ? null : On.AddMonths(6));

    [Theory]
    [InlineData(RiskDecisionKind.Suspend, null, ProjectStatusValue.Suspended)]
    [InlineData(RiskDecisionKind.Postpone, ProjectStatusValue.UnderConstruction, ProjectStatusValue.Postponed)]
    [InlineData(RiskDecisionKind.Withdraw, ProjectStatusValue.Suspended, ProjectStatusValue.Withdrawn)]
    [InlineData(RiskDecisionKind.Continue, ProjectStatusValue.Suspended, ProjectStatusValue.Resumed)]
    [InlineData(RiskDecisionKind.ContinueWithConditions, ProjectStatusValue.OnHold, ProjectStatusValue.Resumed)]
    [InlineData(RiskDecisionKind.Continue, ProjectStatusValue.UnderConstruction, null)]
    [InlineData(RiskDecisionKind.ContinueWithConditions, null, null)]
    [InlineData(RiskDecisionKind.Suspend, ProjectStatusValue.Suspended, null)]
    public void each_decision_moves_the_status_as_a_status_change_would(RiskDecisionKind decision, ProjectStatusValue? current, ProjectStatusValue? expected) =>
        Assert.Equal(expected, RecordRiskDecisionDecision.StatusAfter(decision, current));

    [Fact]
    public void a_suspension_is_recorded_with_its_status_change_and_its_review_date()
    {
        var project = LinkedProject();
        var decision = RecordRiskDecisionDecision.Decide(project, Command(RiskDecisionKind.Suspend), Risk(), Guid.NewGuid());
        var decided = Assert.IsType<CountryRiskDecided>(decision.Events[0]);
        Assert.Equal((RiskDecisionKind.Suspend, (DateOnly?)On.AddMonths(6)), (decided.Decision, decided.ReviewOn));
        var changed = Assert.IsType<ProjectStatusChanged>(decision.Events[1]);
        Assert.Equal((ProjectStatusValue.Suspended, On), (changed.Status, changed.EffectiveOn));
        Assert.Contains("Partner's intent confirmed", changed.Reason);
    }

    [Fact]
    public void continuing_a_running_project_records_the_decision_alone()
    {
        var decision = RecordRiskDecisionDecision.Decide(LinkedProject(), Command(RiskDecisionKind.Continue), Risk(), Guid.NewGuid());
        Assert.IsType<CountryRiskDecided>(Assert.Single(decision.Events));
    }

    [Fact]
    public void a_decision_needs_an_open_risk_linked_to_a_project_not_withdrawn()
    {
        var project = LinkedProject();
        Assert.Equal(404, RecordRiskDecisionDecision.Decide(project, Command(RiskDecisionKind.Continue), null, Guid.NewGuid()).Refusal!.Status);
        Assert.Equal(409, RecordRiskDecisionDecision.Decide(project, Command(RiskDecisionKind.Continue), Risk(closed: true), Guid.NewGuid()).Refusal!.Status);
        Assert.Contains("not linked", RecordRiskDecisionDecision.Decide(Given.Project(), Command(RiskDecisionKind.Continue), Risk(), Guid.NewGuid()).Refusal!.Detail);
        var withdrawn = LinkedProject(new ProjectStatusChanged(Guid.Empty, ProjectStatusValue.Withdrawn, "earlier", On));
        Assert.Equal(409, RecordRiskDecisionDecision.Decide(withdrawn, Command(RiskDecisionKind.Withdraw), Risk(), Guid.NewGuid()).Refusal!.Status);
    }

    [Fact]
    public void review_date_is_required_unless_withdrawing_and_a_withdrawal_has_none()
    {
        static bool Valid(RecordRiskDecision c) => !c.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(c)).Any();
        Assert.True(Valid(Command(RiskDecisionKind.Withdraw)));
        Assert.False(Valid(Command(RiskDecisionKind.Withdraw) with { ReviewOn = On }));
        Assert.False(Valid(Command(RiskDecisionKind.Postpone) with { ReviewOn = null }));
        Assert.False(Valid(Command(RiskDecisionKind.Postpone) with { ReviewOn = On.AddDays(-1) }));
    }

    [Fact]
    public void only_a_warning_or_crisis_links_a_project_and_only_once_and_never_a_withdrawn_one()
    {
        var project = Given.Project();
        Guid[] cases = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var linked = Assert.IsType<CountryRiskLinked>(Assert.Single(LinkCountryRiskDecision.Decide(project, Risk(), On,
            [(cases[0], "B Corp"), (cases[1], "A Corp"), (cases[2], "B Corp")]).Events));
        Assert.Equal(["A Corp", "B Corp"], linked.CompaniesWithOpenCases);
        Assert.Equal(cases.Order(), linked.OpenCaseIds!); // each case's reporting contact is told
        Assert.Single(LinkCountryRiskDecision.Decide(project, Risk(CountryRiskSeverity.Warning), On, []).Events);
        Assert.Empty(LinkCountryRiskDecision.Decide(project, Risk(CountryRiskSeverity.Watch), On, []).Events);
        Assert.Empty(LinkCountryRiskDecision.Decide(project, Risk(closed: true), On, []).Events);
        Assert.Empty(LinkCountryRiskDecision.Decide(project.Fold(linked, project.Version + 1), Risk(), On, []).Events);
        var withdrawn = Given.Project(new ProjectStatusChanged(Guid.Empty, ProjectStatusValue.Withdrawn, "earlier", On));
        Assert.Empty(LinkCountryRiskDecision.Decide(withdrawn, Risk(), On, []).Events);
    }

    [Fact]
    public void a_risk_closes_once_and_not_while_a_linked_project_waits_for_a_decision()
    {
        var undecided = new ProjectStatus { Id = Guid.NewGuid(), Name = "Colombo Light Rail", Risks = [Entry(null)] };
        var decided = new ProjectStatus { Id = Guid.NewGuid(), Name = "Airport", Risks = [Entry(RiskDecisionKind.Suspend)] };
        var withdrawn = new ProjectStatus { Id = Guid.NewGuid(), Name = "Port", Status = ProjectStatusValue.Withdrawn, Risks = [Entry(null)] };
        var waiting = CloseCountryRiskDecision.Undecided(RiskId, [undecided, decided, withdrawn]);
        Assert.Equal([new UndecidedProject(undecided.Id, "Colombo Light Rail")], waiting);

        var refusal = CloseCountryRiskDecision.Decide(Risk(), new CloseCountryRisk("Over"), On, waiting).Refusal!;
        Assert.Equal(409, refusal.Status);
        Assert.Contains($"Colombo Light Rail ({undecided.Id})", refusal.Detail);
        Assert.IsType<CountryRiskClosed>(Assert.Single(CloseCountryRiskDecision.Decide(Risk(), new CloseCountryRisk("Over"), On, []).Events));
        Assert.Equal(409, CloseCountryRiskDecision.Decide(Risk(closed: true), new CloseCountryRisk("Over"), On, []).Refusal!.Status);
        Assert.Equal(409, UpdateCountryRiskDecision.Decide(Risk(closed: true), new UpdateCountryRisk(On, "Again", null)).Refusal!.Status);
    }

    [Fact]
    public void an_update_keeps_the_severity_unless_it_names_one()
    {
        var risk = Risk(CountryRiskSeverity.Watch);
        var updated = Assert.IsType<CountryRiskUpdated>(Assert.Single(UpdateCountryRiskDecision.Decide(risk, new UpdateCountryRisk(On, "Calmer", null)).Events));
        Assert.Equal(CountryRiskSeverity.Watch, risk.Fold(updated, 2).Severity);
        Assert.True(risk.Fold(updated with { Severity = CountryRiskSeverity.Warning }, 2).Links);
    }

    [Fact]
    public void board_totals_are_the_sum_of_the_awards_and_undisclosed_awards_add_nothing()
    {
        static AwardEntry Award(decimal? jpy, string? winner) =>
            new(Guid.NewGuid(), null, "Terminal", winner, winner is not null, AwardType.Prime, AwardScope.Civil, null, jpy, On);
        var a = new ProjectStatus { Id = Guid.NewGuid(), Name = "A", Risks = [Entry(RiskDecisionKind.Suspend)], Awards = [Award(10m, "Taisei"), Award(null, null)] };
        var b = new ProjectStatus { Id = Guid.NewGuid(), Name = "B", Risks = [Entry(null)], Awards = [Award(5m, null)] };
        var board = CountryRiskBoard.Build(new CountryRisk { Id = RiskId, Country = "LK" }, [b, a], new Dictionary<Guid, int> { [a.Id] = 2 });
        Assert.Equal(new BoardTotals(2, 15m, 2), board.Totals);
        Assert.Equal(["A", "B"], board.Projects.Select(p => p.Name));
        Assert.Equal((10m, RiskDecisionKind.Suspend, "Taisei"), (board.Projects[0].AmountAtStakeJpy, board.Projects[0].Decision!.Value, board.Projects[0].JapaneseWinners.Single()));
    }

    [Fact]
    public void follow_up_rules_task_each_linked_desk_the_hotline_for_open_cases_and_each_decision_but_withdraw_is_reviewed()
    {
        var projectId = Guid.NewGuid();
        var subject = FollowUpRules.CountryRiskSubject(RiskId, projectId);
        IReadOnlyList<FollowUpAction> Rules<T>(T data) where T : notnull => FollowUpRules.For(new Event<T>(data) { StreamId = projectId, Id = Guid.NewGuid() });

        var onLink = Rules(Linked(projectId, "Taisei Example"));
        var confirm = Assert.IsType<OpenTask>(Assert.Single(onLink, a => a.Rule == RuleId.ConfirmRiskState));
        Assert.Equal((subject, On.AddDays(7), FollowUpRules.ProjectDesk), (confirm.Subject, confirm.DueOn, confirm.Owner));
        var inform = Assert.IsType<OpenTask>(Assert.Single(onLink, a => a.Rule == RuleId.InformCompaniesOfRisk));
        Assert.Equal((FollowUpRules.HotlineDesk, "Inform Taisei Example of the sovereign default in LK"), (inform.Owner, inform.Title));
        Assert.DoesNotContain(Rules(Linked(projectId)), a => a.Rule == RuleId.InformCompaniesOfRisk);

        var suspend = new CountryRiskDecided(projectId, RiskId, Guid.NewGuid(), RiskDecisionKind.Suspend, "r", On, JapanLevel.Minister, On.AddMonths(6));
        var onDecision = Rules(suspend);
        Assert.Contains(new CloseTasks(RuleId.ConfirmRiskState, subject, false, "Decided: Suspend"), onDecision);
        Assert.Equal(On.AddMonths(6), Assert.IsType<OpenTask>(Assert.Single(onDecision, a => a is OpenTask)).DueOn);
        Assert.DoesNotContain(Rules(suspend with { Decision = RiskDecisionKind.Withdraw, ReviewOn = null }), a => a is OpenTask);
    }

    private static ProjectRiskEntry Entry(RiskDecisionKind? decision) =>
        new(RiskId, "LK", CountryRiskKind.SovereignDefault, CountryRiskSeverity.Crisis, "Default", On, null, decision, null, null, decision is null ? null : On.AddMonths(6));
}
