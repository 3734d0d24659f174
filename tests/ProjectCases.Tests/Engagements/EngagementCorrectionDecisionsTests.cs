using ProjectCases.Engagements;
using ProjectCases.Engagements.Corrections;
using ProjectCases.Projects;

namespace ProjectCases.Tests.Engagements;

/// <summary>Voiding and correcting an engagement: new events on its stream and on each project it concerns, never edits.</summary>
public class EngagementCorrectionDecisionsTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    private static RecordEngagement Dialogue(DateOnly on, string country = "vn", params Guid[] projects) => new(
        new EngagementTouchpointInput(TouchpointKind.PolicyDialogue, on, JapanLevel.Minister, " MIC Viet Nam ", null, "ICT dialogue", null),
        null, country, Ministry.MIC, Sector.ICT, projects.Length == 0 ? null : projects);

    private static readonly DateOnly November = new(2022, 11, 20);

    private static EngagementWriteModel Engagement(params Guid[] projects) =>
        EngagementWriteModel.Start(RecordEngagementDecision.Recorded(Dialogue(November, "vn", projects), Id));

    [Fact]
    public void voiding_names_the_engagement_as_it_counted_and_unlinks_it_from_each_project()
    {
        var engagement = Engagement(A, B);
        var decision = EngagementCorrectionDecisions.Void(engagement, " recorded twice ");
        var voided = Assert.IsType<EngagementVoided>(decision.Events[0]);
        Assert.Equal(("recorded twice", November), (voided.Reason, voided.Original.On));
        var unlinked = decision.Events.OfType<EngagementUnlinked>().ToList();
        Assert.Equal([A, B], unlinked.Select(u => u.ProjectId));
        Assert.All(unlinked, u => Assert.True(u.EngagementVoided));
    }

    [Fact]
    public void a_voided_engagement_can_be_neither_voided_again_nor_corrected()
    {
        var voided = Engagement(A).Fold(new EngagementVoided(Id, "x", Engagement(A).Current), 2);
        Assert.Equal(409, EngagementCorrectionDecisions.Void(voided, "again").Refusal!.Status);
        Assert.Equal(409, EngagementCorrectionDecisions.Correct(voided, Dialogue(November.AddDays(1), "vn", A), "late", []).Refusal!.Status);
    }

    [Fact]
    public void a_corrected_date_corrects_the_link_on_the_projects_it_keeps_with_the_original_named()
    {
        var decision = EngagementCorrectionDecisions.Correct(Engagement(A), Dialogue(new DateOnly(2023, 5, 10), "vn", A), "wrong year", []);
        var corrected = Assert.IsType<EngagementCorrected>(decision.Events[0]);
        Assert.Equal((November, new DateOnly(2023, 5, 10), Id), (corrected.Original.On, corrected.Corrected.On, corrected.Corrected.EngagementId));
        var link = Assert.IsType<EngagementLinkCorrected>(Assert.Single(decision.Events.Skip(1)));
        Assert.Equal((A, new DateOnly(2023, 5, 10), "wrong year"), (link.ProjectId, link.On, link.Reason));
    }

    [Fact]
    public void corrected_project_ids_link_the_added_projects_unlink_the_dropped_and_leave_the_kept_alone_when_their_copy_reads_the_same()
    {
        var decision = EngagementCorrectionDecisions.Correct(Engagement(A, B), Dialogue(November, "vn", B, C), "wrong project", []);
        Assert.Equal(A, Assert.Single(decision.Events.OfType<EngagementUnlinked>()).ProjectId);
        Assert.False(decision.Events.OfType<EngagementUnlinked>().Single().EngagementVoided);
        Assert.Equal(C, Assert.Single(decision.Events.OfType<EngagementLinked>()).ProjectId);
        Assert.Empty(decision.Events.OfType<EngagementLinkCorrected>()); // B's copy has no other projects: nothing changed for it
    }

    [Fact]
    public void a_correction_that_changes_nothing_is_refused_and_one_naming_a_missing_project_too()
    {
        Assert.Equal(422, EngagementCorrectionDecisions.Correct(Engagement(A), Dialogue(November, "VN", A), "x", []).Refusal!.Status);
        var missing = EngagementCorrectionDecisions.Correct(Engagement(A), Dialogue(November, "vn", A, C), "x", [C]).Refusal!;
        Assert.Equal(404, missing.Status);
        Assert.Contains(C.ToString(), missing.Detail);
    }

    [Fact]
    public void the_links_of_a_project_stream_count_the_latest_correction_and_drop_the_unlinked()
    {
        var recorded = RecordEngagementDecision.Recorded(Dialogue(November, "vn", A), Id);
        var linked = RecordEngagementDecision.LinkOf(recorded, A);
        var other = RecordEngagementDecision.LinkOf(RecordEngagementDecision.Recorded(Dialogue(November, "th", A), Guid.NewGuid()), A);
        var links = EngagementLinks.Of([linked, other,
            new EngagementLinkCorrected(A, Id, "VN", Ministry.MIC, recorded.Touchpoint! with { OccurredOn = November.AddDays(3) }, null, "date"),
            new EngagementUnlinked(A, other.EngagementId, "voided", true)]);
        var current = Assert.Single(links).Value;
        Assert.True(current.Corrected);
        Assert.Equal(November.AddDays(3), current.Link.On);
    }
}
