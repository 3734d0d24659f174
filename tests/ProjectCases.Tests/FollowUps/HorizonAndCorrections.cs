using JasperFx.Events;
using ProjectCases.FollowUps.Rules;
using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;

namespace ProjectCases.Tests.FollowUps;

/// <summary>Back-filled facts open no task; corrections of a fact cancel or move the task it opened.</summary>
public class HorizonAndCorrections
{
    private static readonly Guid ProjectId = Guid.NewGuid();
    private static readonly DateOnly On = new(2026, 5, 10);
    private static readonly DateTimeOffset RecordedOnTheDay = new(2026, 5, 10, 3, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<FollowUpAction> Rules<T>(T data) where T : notnull =>
        FollowUpRules.For(new Event<T>(data) { StreamId = ProjectId, Id = Guid.NewGuid() });

    private static OpenTask TenderTask(DateOnly openedOn) =>
        Assert.IsType<OpenTask>(Assert.Single(Rules(new TenderOpened(ProjectId, Guid.NewGuid(), "Civil", TenderType.ICB, openedOn, null))));

    [Theory]
    [InlineData(0, true)]
    [InlineData(30, true)]   // exactly at the horizon: still new
    [InlineData(31, false)]  // one day older: back-filled history
    [InlineData(400, false)]
    public void a_fact_older_than_the_horizon_on_the_day_it_was_recorded_opens_no_task(int daysOld, bool opens) =>
        Assert.Equal(opens, FollowUpHorizon.Admits(TenderTask(On.AddDays(-daysOld)), RecordedOnTheDay, new FollowUpOptions().HorizonDays));

    [Fact]
    public void the_horizon_is_counted_from_the_tokyo_day_of_recording()
    {
        // 2026-06-09T15:30Z is already 2026-06-10 in Tokyo: 31 days after 2026-05-10.
        Assert.False(FollowUpHorizon.Admits(TenderTask(On), new DateTimeOffset(2026, 6, 9, 15, 30, 0, TimeSpan.Zero), 30));
        Assert.True(FollowUpHorizon.Admits(TenderTask(On), new DateTimeOffset(2026, 6, 9, 14, 30, 0, TimeSpan.Zero), 30));
    }

    [Fact]
    public void hotline_tasks_carry_no_business_date_and_are_always_opened() =>
        Assert.True(FollowUpHorizon.Admits(new OpenTask(RuleId.FirstResponse, Guid.NewGuid(), "k", "t", On, "desk:hotline", null, Guid.NewGuid()),
            RecordedOnTheDay.AddYears(5), 30));

    [Fact]
    public void voiding_a_tender_cancels_its_task_and_correcting_its_deadline_moves_it()
    {
        var tender = new TenderOpened(ProjectId, Guid.NewGuid(), "Civil", TenderType.ICB, On, null);
        var cancel = Assert.IsType<CloseTasks>(Assert.Single(Rules(new FactVoided(ProjectId, 2, "test entry", new ProjectFact(TenderOpened: tender)))));
        Assert.Equal((RuleId.ConfirmBidders, tender.TenderId, true), (cancel.Rule, cancel.Subject, cancel.Cancel));

        var corrected = new FactCorrected(ProjectId, 2, "deadline typo", new ProjectFact(TenderOpened: tender),
            new ProjectFact(TenderOpened: tender with { Deadline = On.AddDays(45) }));
        var move = Assert.IsType<MoveTasks>(Assert.Single(Rules(corrected)));
        Assert.Equal((RuleId.ConfirmBidders, tender.TenderId, On.AddDays(45)), (move.Rule, move.Subject, move.DueOn));
    }

    [Fact]
    public void an_award_corrected_to_a_foreign_winner_cancels_its_check_in()
    {
        var award = new ContractAwarded(ProjectId, Guid.NewGuid(), null, "Civil", "W", true, AwardType.Prime, AwardScope.Civil, null, null, On);
        var corrected = new FactCorrected(ProjectId, 2, "winner", new ProjectFact(ContractAwarded: award), new ProjectFact(ContractAwarded: award with { JapaneseWinner = false }));
        var cancel = Assert.IsType<CloseTasks>(Assert.Single(Rules(corrected)));
        Assert.Equal((RuleId.PostAwardCheckIn, award.AwardId, true), (cancel.Rule, cancel.Subject, cancel.Cancel));
    }
}
