using System.ComponentModel.DataAnnotations;
using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Projects;
using ProjectCases.Tests.Support;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Tests.FollowUps;

public class CancelAndReassign
{
    private static readonly DateOnly Due = new(2025, 6, 30);

    [Fact]
    public void an_open_task_is_cancelled_with_its_reason_and_a_closed_one_is_refused()
    {
        var task = Given.Task(Due);
        Assert.Equal(new FollowUpCancelled(task.Id, "Not needed"), Assert.Single(CancelFollowUpDecision.Decide(task, new CancelFollowUp(" Not needed ")).Events));
        var done = Given.Task(Due, new FollowUpCompleted(task.Id, null, null));
        Assert.Contains("already done", CancelFollowUpDecision.Decide(done, new CancelFollowUp("x")).Refusal!.Detail);
    }

    [Fact]
    public void a_task_changes_hands_to_a_desk_or_a_person_but_not_to_its_owner_or_when_closed()
    {
        var task = Given.Task(Due); // owned by "officer"
        Assert.Equal(new FollowUpReassigned(task.Id, "desk:mofa"), Assert.Single(ReassignFollowUpDecision.Decide(task, new ReassignFollowUp("desk:mofa")).Events));
        Assert.Equal(409, ReassignFollowUpDecision.Decide(task, new ReassignFollowUp("officer")).Refusal!.Status);
        var cancelled = Given.Task(Due, new FollowUpCancelled(task.Id, "x"));
        Assert.Equal(409, ReassignFollowUpDecision.Decide(cancelled, new ReassignFollowUp("sato")).Refusal!.Status);
    }

    [Theory]
    [InlineData("desk:mlit", true)]
    [InlineData("desk:overseas-projects", true)]
    [InlineData("sato.k@example.go.jp", true)]
    [InlineData("desk:", false)]
    [InlineData("desk:MLIT", false)]
    [InlineData("Sato Kenji", false)]
    public void an_owner_is_a_desk_or_a_subject(string owner, bool valid)
    {
        var command = new ReassignFollowUp(owner);
        Assert.Equal(valid, Validator.TryValidateObject(command, new ValidationContext(command), [], true));
    }

    [Fact]
    public void a_possible_duplicate_is_open_of_the_same_company_project_and_category_within_thirty_days()
    {
        var now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var projectId = Guid.NewGuid();
        TroubleCase Case(TroubleStatus status = TroubleStatus.Open, string company = "Acme", TroubleCategory category = TroubleCategory.UnpaidFees, int daysAgo = 3) =>
            new() { ProjectId = projectId, Status = status, ReporterCompany = company, Category = category, ReportedAt = now.AddDays(-daysAgo) };
        bool Duplicate(TroubleCase c) => PossibleDuplicates.IsPossibleDuplicate(c, "Acme", projectId, TroubleCategory.UnpaidFees, now);

        Assert.True(Duplicate(Case()));
        Assert.True(Duplicate(Case(daysAgo: 30)));
        Assert.False(Duplicate(Case(daysAgo: 31)));
        Assert.False(Duplicate(Case(status: TroubleStatus.Resolved)));
        Assert.False(Duplicate(Case(company: "Borneo")));
        Assert.False(Duplicate(Case(category: TroubleCategory.Delay)));
    }
}
