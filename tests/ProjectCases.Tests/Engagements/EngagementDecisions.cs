using ProjectCases.Engagements;
using ProjectCases.Projects;

namespace ProjectCases.Tests.Engagements;

/// <summary>Recording an engagement: its own fact once, and a link on each project it concerns (issue 16 item 4).</summary>
public class EngagementDecisions
{
    private static RecordEngagement Dialogue(params Guid[] projects) => new(
        new EngagementTouchpointInput(TouchpointKind.PolicyDialogue, new DateOnly(2022, 11, 20), JapanLevel.Minister, " MIC Viet Nam ", null, "ICT dialogue", null),
        null, "vn", Ministry.MIC, Sector.ICT, projects.Length == 0 ? null : projects);

    [Fact]
    public void an_engagement_is_recorded_once_and_linked_to_each_project_it_names()
    {
        var (a, b, id) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var decision = RecordEngagementDecision.Decide(Dialogue(a, b), id, []);
        var recorded = Assert.Single(decision.Events.OfType<EngagementRecorded>());
        Assert.Equal(("VN", Ministry.MIC, "MIC Viet Nam", new DateOnly(2022, 11, 20)), (recorded.Country, recorded.Ministry, recorded.Touchpoint!.Counterpart, recorded.On));
        Assert.Equal([a, b], decision.Events.OfType<EngagementLinked>().Select(l => l.ProjectId));
        Assert.All(decision.Events.OfType<EngagementLinked>(), l => Assert.Equal(id, l.EngagementId));
    }

    [Fact]
    public void an_engagement_without_projects_is_the_country_partnerships_alone()
    {
        var decision = RecordEngagementDecision.Decide(Dialogue(), Guid.NewGuid(), []);
        Assert.IsType<EngagementRecorded>(Assert.Single(decision.Events));
    }

    [Fact]
    public void a_missing_project_refuses_the_whole_engagement_naming_it()
    {
        var missing = Guid.NewGuid();
        var decision = RecordEngagementDecision.Decide(Dialogue(Guid.NewGuid(), missing), Guid.NewGuid(), [missing]);
        Assert.Equal(404, decision.Refusal!.Status);
        Assert.Contains(missing.ToString(), decision.Refusal.Detail);
        Assert.Empty(decision.Events);
    }
}
