using ProjectCases.Projects;
using ProjectCases.Tests.Support;

namespace ProjectCases.Tests.Projects;

public class ProjectStatusChanges
{
    private static ProjectWriteModel ProjectIn(ProjectStatusValue? status) => status is { } value
        ? Given.Project(new ProjectStatusChanged(Guid.Empty, value, "earlier", new DateOnly(2024, 1, 1)))
        : Given.Project();

    private static ChangeProjectStatus To(ProjectStatusValue status) => new(status, "because", new DateOnly(2024, 4, 1));

    [Theory]
    [InlineData(ProjectStatusValue.Suspended)]
    [InlineData(ProjectStatusValue.Postponed)]
    [InlineData(ProjectStatusValue.OnHold)]
    public void an_interrupted_project_can_resume(ProjectStatusValue interrupted)
    {
        var decision = ChangeProjectStatusDecision.Decide(ProjectIn(interrupted), To(ProjectStatusValue.Resumed));
        var changed = Assert.IsType<ProjectStatusChanged>(Assert.Single(decision.Events));
        Assert.Equal(ProjectStatusValue.Resumed, changed.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ProjectStatusValue.UnderConstruction)]
    public void a_running_project_cannot_resume(ProjectStatusValue? status)
    {
        var decision = ChangeProjectStatusDecision.Decide(ProjectIn(status), To(ProjectStatusValue.Resumed));
        Assert.Equal(409, decision.Refusal!.Status);
        Assert.Contains("Only a suspended, postponed or on-hold project can be resumed", decision.Refusal.Detail);
    }

    [Fact]
    public void nothing_follows_withdrawal()
    {
        var decision = ChangeProjectStatusDecision.Decide(ProjectIn(ProjectStatusValue.Withdrawn), To(ProjectStatusValue.UnderStudy));
        Assert.Equal(409, decision.Refusal!.Status);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void the_same_status_twice_is_a_conflict() =>
        Assert.Equal("The project is already Suspended.",
            ChangeProjectStatusDecision.Decide(ProjectIn(ProjectStatusValue.Suspended), To(ProjectStatusValue.Suspended)).Refusal!.Detail);
}
