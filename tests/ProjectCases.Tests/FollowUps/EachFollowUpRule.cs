using JasperFx.Events;
using ProjectCases.FollowUps.Rules;
using ProjectCases.Projects;
using ProjectCases.Tests.Support;
using ProjectCases.Troubles;

namespace ProjectCases.Tests.FollowUps;

/// <summary>One test per rule of FollowUpRules.Table, on the pure function: an event in, actions out.</summary>
public class EachFollowUpRule
{
    private static readonly Guid ProjectId = Guid.NewGuid();
    private static readonly DateOnly On = new(2026, 5, 10);

    private static IReadOnlyList<FollowUpAction> Rules<T>(T data, Guid? streamId = null) where T : notnull =>
        FollowUpRules.For(new Event<T>(data) { StreamId = streamId ?? ProjectId, Id = Guid.NewGuid() });

    private static OpenTask Opened(IReadOnlyList<FollowUpAction> actions, RuleId rule) => Assert.IsType<OpenTask>(Assert.Single(actions, a => a.Rule == rule));

    [Fact]
    public void record_outcome_opens_for_a_top_sales_visit_without_outcome_once_per_touchpoint_and_closes_when_recorded()
    {
        var touchpoint = Guid.NewGuid();
        var logged = new TouchpointLogged(ProjectId, touchpoint, TouchpointKind.TopSales, On, JapanLevel.Minister, "Minister", null, "Visit", null, [ProjectId, Guid.NewGuid()]);
        var open = Opened(Rules(logged), RuleId.RecordOutcome);
        Assert.Equal((touchpoint, On.AddDays(14), FollowUpRules.ProjectDesk, (Guid?)ProjectId), (open.Subject, open.DueOn, open.Owner, open.ProjectId));
        Assert.Equal(open.Key, Opened(Rules(logged with { ProjectId = logged.ProjectIds[1] }), RuleId.RecordOutcome).Key); // same task from every project's copy
        Assert.Empty(Rules(logged with { Outcome = "Agreed" }));
        Assert.Empty(Rules(logged with { Kind = TouchpointKind.Seminar }));
        Assert.Equal(new CloseTasks(RuleId.RecordOutcome, touchpoint, false, "Outcome recorded"), Assert.Single(Rules(new TouchpointOutcomeRecorded(ProjectId, touchpoint, "Agreed", On))));
    }

    [Fact]
    public void review_progress_opens_for_an_mou_moc_or_loi_only()
    {
        var mou = new AgreementSigned(ProjectId, Guid.NewGuid(), AgreementType.MOU, AgreementLevel.Political, "MOU on HSR", ["JP", "IN"], On, null);
        Assert.Equal(On.AddDays(90), Opened(Rules(mou), RuleId.ReviewProgress).DueOn);
        Assert.Empty(Rules(mou with { AgreementType = AgreementType.LoanAgreement }));
    }

    [Fact]
    public void confirm_bidders_opens_with_a_tender_due_by_its_deadline_and_closes_on_bids_award_or_failure()
    {
        var tender = Guid.NewGuid();
        var opened = new TenderOpened(ProjectId, tender, "Civil", TenderType.ICB, On, null);
        Assert.Equal(On.AddDays(30), Opened(Rules(opened), RuleId.ConfirmBidders).DueOn);
        Assert.Equal(On.AddDays(60), Opened(Rules(opened with { Deadline = On.AddDays(60) }), RuleId.ConfirmBidders).DueOn);
        Assert.Equal(new CloseTasks(RuleId.ConfirmBidders, tender, false, "Japanese bids recorded"), Assert.Single(Rules(new JapaneseBidsRecorded(ProjectId, tender, ["JGC"], On))));
        Assert.Equal(new CloseTasks(RuleId.ConfirmBidders, tender, true, "Tender failed (NoBidders)"), Assert.Single(Rules(new TenderFailed(ProjectId, tender, TenderFailureReason.NoBidders, On))));
        var award = new ContractAwarded(ProjectId, Guid.NewGuid(), tender, "Civil", "W", false, AwardType.Prime, AwardScope.Civil, null, null, On);
        Assert.Equal(new CloseTasks(RuleId.ConfirmBidders, tender, false, "Contract awarded"), Assert.Single(Rules(award)));
    }

    [Fact]
    public void post_award_check_in_opens_for_a_japanese_winner_after_closing_the_tenders_task()
    {
        var award = new ContractAwarded(ProjectId, Guid.NewGuid(), Guid.NewGuid(), "Civil", "Nippon Koei", true, AwardType.Prime, AwardScope.Civil, null, null, On);
        var actions = Rules(award);
        Assert.Equal([RuleId.ConfirmBidders, RuleId.PostAwardCheckIn], actions.Select(a => a.Rule));
        Assert.Equal((award.AwardId, On.AddDays(180)), (Opened(actions, RuleId.PostAwardCheckIn).Subject, Opened(actions, RuleId.PostAwardCheckIn).DueOn));
        Assert.Empty(Rules(award with { JapaneseWinner = false, TenderId = null }));
    }

    [Fact]
    public void re_review_status_opens_a_new_task_per_interruption_and_is_cancelled_by_resumption_or_withdrawal()
    {
        var suspended = new ProjectStatusChanged(ProjectId, ProjectStatusValue.Suspended, "Budget", On);
        var first = Opened(Rules(suspended), RuleId.ReReviewStatus);
        Assert.NotEqual(first.Key, Opened(Rules(suspended), RuleId.ReReviewStatus).Key); // each change its own task
        Assert.Equal(On.AddDays(90), first.DueOn);
        Assert.Equal(new CloseTasks(RuleId.ReReviewStatus, ProjectId, true, "Project Resumed"),
            Assert.Single(Rules(suspended with { Status = ProjectStatusValue.Resumed })));
        Assert.Empty(Rules(suspended with { Status = ProjectStatusValue.UnderConstruction }));
    }

    [Fact]
    public void first_response_opens_with_a_case_is_met_by_triage_consultation_or_a_shared_note_and_follows_the_officer()
    {
        var id = Guid.NewGuid();
        var reported = Given.Reported(id);
        var open = Opened(Rules(reported, streamId: id), RuleId.FirstResponse);
        Assert.Equal((FollowUpRules.HotlineDesk, TokyoTime.DateOf(Given.Dues.FirstResponseDue), (Guid?)id), (open.Owner, open.DueOn, open.TroubleId));
        Assert.Empty(Rules(reported, streamId: reported.ProjectId)); // a legacy copy on the project's stream
        Assert.Contains(new CloseTasks(RuleId.FirstResponse, id, false, "MOFA consulted"), Rules(new AgencyConsulted(id, Agency.MOFA, "n", Given.ReportedAt), id));
        Assert.Equal(new CloseTasks(RuleId.FirstResponse, id, false, "Answered the company"),
            Assert.Single(Rules(new TroubleNoteAdded(id, Guid.NewGuid(), "t", NoteVisibility.Shared, false, Given.ReportedAt), id)));
        Assert.Empty(Rules(new TroubleNoteAdded(id, Guid.NewGuid(), "t", NoteVisibility.Shared, true, Given.ReportedAt), id));
        Assert.Empty(Rules(new TroubleNoteAdded(id, Guid.NewGuid(), "t", NoteVisibility.Internal, false, Given.ReportedAt), id));
        Assert.Contains(new ReassignTasks(RuleId.FirstResponse, id, "yamada"), Rules(new TroubleAssigned(id, "yamada", Given.ReportedAt), id));
    }

    [Fact]
    public void resolution_opens_with_a_case_and_again_on_reopening_moves_with_triage_and_closes_on_resolution()
    {
        var id = Guid.NewGuid();
        Assert.Equal(TokyoTime.DateOf(Given.Dues.ResolutionDue), Opened(Rules(Given.Reported(id), id), RuleId.Resolution).DueOn);
        var due = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var triaged = Rules(new TroubleTriaged(id, Priority.High, TroubleCategory.Delay, new ServiceDues(due.AddDays(-20), due), Given.ReportedAt), id);
        Assert.Equal([new CloseTasks(RuleId.FirstResponse, id, false, "Triaged"), new MoveTasks(RuleId.Resolution, id, TokyoTime.DateOf(due), "Triaged as High")], triaged);
        var resolved = Rules(new TroubleResolved(id, ResolutionOutcome.Resolved, "s", Given.ReportedAt), id);
        Assert.Equal([RuleId.FirstResponse, RuleId.Resolution], resolved.Select(a => a.Rule));
        var reopened = new TroubleReopened(id, ProjectId, "Unpaid again", due, Given.ReportedAt);
        Assert.Equal(TokyoTime.DateOf(due), Opened(Rules(reopened, id), RuleId.Resolution).DueOn);
        Assert.Empty(Rules(reopened, ProjectId)); // a legacy copy
    }
}
