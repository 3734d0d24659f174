using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Tests.Support;

namespace ProjectCases.Tests.FollowUps;

/// <summary>Task decisions and the overdue check, with the checks they schedule (end of the due date, Tokyo).</summary>
public class TaskDecisions
{
    private static readonly DateOnly Due = new(2025, 6, 30);
    private static DateTimeOffset EndOfDayInTokyo(DateOnly day) => new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).AddTicks(-1);

    [Fact]
    public void a_manual_task_belongs_to_the_caller_unless_an_owner_is_named_and_is_checked_at_the_end_of_its_due_date()
    {
        var id = Guid.NewGuid();
        var decision = CreateFollowUpDecision.Decide(new CreateFollowUp(null, null, " Call back ", Due, null), id, "officer.tanaka");
        var scheduled = Assert.IsType<FollowUpScheduled>(Assert.Single(decision.Events));
        Assert.Equal(("Call back", "officer.tanaka", "manual", Due), (scheduled.Title, scheduled.Owner, scheduled.Rule, scheduled.DueOn));
        var (check, at) = Scheduled.As<CheckFollowUpDue>(Assert.Single(decision.Messages));
        Assert.Equal(new CheckFollowUpDue(id, Due), check);
        Assert.Equal(EndOfDayInTokyo(Due).ToUniversalTime(), at!.Value.ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal("desk:rail", Assert.IsType<FollowUpScheduled>(Assert.Single(CreateFollowUpDecision.Decide(new CreateFollowUp(null, null, "t", Due, " desk:rail "), id, "x").Events)).Owner);
    }

    [Fact]
    public void a_rescheduled_task_gets_a_check_for_its_new_date_and_the_same_date_conflicts()
    {
        var task = Given.Task(Due);
        var later = Due.AddDays(10);
        var decision = RescheduleFollowUpDecision.Decide(task, new RescheduleFollowUp(later, "waiting"));
        Assert.Equal(new FollowUpRescheduled(task.Id, later, "waiting"), Assert.Single(decision.Events));
        Assert.Equal(new CheckFollowUpDue(task.Id, later), Scheduled.As<CheckFollowUpDue>(Assert.Single(decision.Messages)).Message);
        Assert.Equal("The task is already due on 2025-06-30.", RescheduleFollowUpDecision.Decide(task, new RescheduleFollowUp(Due, "x")).Refusal!.Detail);
    }

    [Fact]
    public void a_closed_task_can_neither_complete_nor_move()
    {
        var done = Given.Task(Due, new FollowUpCompleted(Guid.Empty, null, null));
        Assert.Equal("Cannot complete it: the task is already done.", CompleteFollowUpDecision.Decide(done, new CompleteFollowUp(null)).Refusal!.Detail);
        var cancelled = Given.Task(Due, new FollowUpCancelled(Guid.Empty, "gone"));
        Assert.Equal("Cannot reschedule it: the task is already cancelled.", RescheduleFollowUpDecision.Decide(cancelled, new RescheduleFollowUp(Due.AddDays(1), "x")).Refusal!.Detail);
        Assert.IsType<FollowUpCompleted>(Assert.Single(CompleteFollowUpDecision.Decide(Given.Task(Due), new CompleteFollowUp(" ok ")).Events));
    }

    [Fact]
    public void the_overdue_check_records_once_after_the_due_date_looks_again_if_early_and_ignores_a_moved_date()
    {
        var task = Given.Task(Due);
        var check = new CheckFollowUpDue(task.Id, Due);
        Assert.Equal(new FollowUpOverdue(task.Id, Due), Assert.Single(FollowUpDueCheck.Decide(task, check, Due.AddDays(1)).Events));
        var early = FollowUpDueCheck.Decide(task, check, Due);
        Assert.Empty(early.Events);
        Assert.Equal(check, Scheduled.As<CheckFollowUpDue>(Assert.Single(early.Messages)).Message);
        Assert.Empty(FollowUpDueCheck.Decide(Given.Task(Due, new FollowUpOverdue(Guid.Empty, Due)), check, Due.AddDays(2)).Events);
        Assert.Empty(FollowUpDueCheck.Decide(Given.Task(Due, new FollowUpRescheduled(Guid.Empty, Due.AddDays(5), "x")), check, Due.AddDays(2)).Events);
    }
}
