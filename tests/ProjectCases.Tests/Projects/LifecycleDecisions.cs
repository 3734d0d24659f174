using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Tests.Support;
using ProjectCases.Projects.Studies;
using ProjectCases.Projects.Tenders;
using ProjectCases.Projects.Touchpoints;

namespace ProjectCases.Tests.Projects;

public class LifecycleDecisions
{
    private static readonly Guid TenderId = Guid.NewGuid();

    private static ProjectWriteModel ProjectWithTender(TenderState state) => Given.Project(
    [
        new TenderOpened(Guid.Empty, TenderId, "Civil", TenderType.ICB, new DateOnly(2024, 6, 1), null),
        .. state switch
        {
            TenderState.Awarded => [new ContractAwarded(Guid.Empty, Guid.NewGuid(), TenderId, "Civil", "W", true, AwardType.Prime, AwardScope.Civil, null, null, new DateOnly(2024, 9, 1))],
            TenderState.Failed => new object[] { new TenderFailed(Guid.Empty, TenderId, TenderFailureReason.NoBidders, new DateOnly(2024, 9, 1)) },
            _ => [],
        },
    ]);

    private static AwardTender Award(DateOnly on) => new("Winner", true, AwardType.Prime, AwardScope.Civil, null, null, on);

    [Fact]
    public void an_open_tender_is_awarded_with_its_package()
    {
        var decision = AwardTenderDecision.Decide(ProjectWithTender(TenderState.Open), TenderId, Award(new DateOnly(2024, 9, 1)), Guid.NewGuid());
        var awarded = Assert.IsType<ContractAwarded>(Assert.Single(decision.Events));
        Assert.Equal(("Civil", TenderId), (awarded.Package, awarded.TenderId!.Value));
    }

    [Theory]
    [InlineData(TenderState.Awarded, "already awarded")]
    [InlineData(TenderState.Failed, "already failed")]
    public void a_closed_tender_cannot_be_awarded(TenderState state, string detail)
    {
        var refusal = AwardTenderDecision.Decide(ProjectWithTender(state), TenderId, Award(new DateOnly(2024, 9, 1)), Guid.NewGuid()).Refusal!;
        Assert.Equal(409, refusal.Status);
        Assert.Contains(detail, refusal.Detail);
    }

    [Fact]
    public void an_award_dated_before_the_opening_breaks_a_rule() =>
        Assert.Equal(422, AwardTenderDecision.Decide(ProjectWithTender(TenderState.Open), TenderId, Award(new DateOnly(2024, 5, 1)), Guid.NewGuid()).Refusal!.Status);

    [Fact]
    public void bids_on_an_unknown_tender_are_not_found() =>
        Assert.Equal(404, RecordJapaneseBidsDecision.Decide(ProjectWithTender(TenderState.Open), Guid.NewGuid(),
            new RecordJapaneseBids(["JGC"], new DateOnly(2024, 7, 1))).Refusal!.Status);

    [Fact]
    public void a_touchpoint_for_three_projects_is_one_fact_with_one_id_on_each()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), touchpoint = Guid.NewGuid();
        var command = new LogTouchpoint(TouchpointKind.TopSales, new DateOnly(2024, 5, 1), JapanLevel.Minister, "Minister", null, "Visit", null, [b, c]);
        var events = LogTouchpointDecision.Decide(Given.Project(a), command, touchpoint, []).Events.Cast<TouchpointLogged>().ToList();
        Assert.Equal([a, b, c], events.Select(e => e.ProjectId));
        Assert.All(events, e => Assert.Equal((touchpoint, 3), (e.TouchpointId, e.ProjectIds.Count)));
    }

    [Fact]
    public void a_study_completes_once()
    {
        var study = Guid.NewGuid();
        var project = Given.Project(new StudyStarted(Guid.Empty, study, StudyType.FeasibilityStudy, new DateOnly(2023, 4, 1), null, null));
        var completion = new CompleteStudy(new DateOnly(2023, 10, 1), null);
        var first = CompleteStudyDecision.Decide(project, study, completion);
        project = first.Events.Aggregate(project, (model, e) => model.Fold(e, model.Version + 1));
        Assert.Equal(409, CompleteStudyDecision.Decide(project, study, completion).Refusal!.Status);
        Assert.Contains("already completed on 2023-10-01", CompleteStudyDecision.Decide(project, study, completion).Refusal!.Detail);
    }
}
