using Microsoft.AspNetCore.Http;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Projects.Agreements;
using ProjectCases.Projects.Studies;
using ProjectCases.Projects.Tenders;
using ProjectCases.Projects.Touchpoints;
using ProjectCases.Tests.Support;
using ProjectCases.Troubles;

namespace ProjectCases.Tests.Projects;

/// <summary>The project decisions not covered by LifecycleDecisions and ProjectStatusChanges, the write model's fold, and the answer an endpoint returns.</summary>
public class ProjectDecisions
{
    private static readonly Guid Touchpoint = Guid.NewGuid();
    private static readonly DateOnly May10 = new(2024, 5, 10);

    private static ProjectWriteModel WithTouchpoint(string? outcome = null) => Given.Project(
        new TouchpointLogged(Guid.Empty, Touchpoint, TouchpointKind.TopSales, May10, JapanLevel.Minister, "Minister", null, "Visit", outcome, []));

    [Fact]
    public void an_outcome_is_recorded_once_for_a_known_touchpoint_and_not_before_it()
    {
        var today = new DateOnly(2024, 6, 1);
        var project = WithTouchpoint();
        var recorded = RecordTouchpointOutcomeDecision.Decide(project, Touchpoint, new RecordTouchpointOutcome(" Agreed ", null), today);
        Assert.Equal(new TouchpointOutcomeRecorded(project.Id, Touchpoint, "Agreed", today), Assert.Single(recorded.Events));
        Assert.Equal(409, RecordTouchpointOutcomeDecision.Decide(WithTouchpoint("done"), Touchpoint, new RecordTouchpointOutcome("x", null), today).Refusal!.Status);
        Assert.Equal(404, RecordTouchpointOutcomeDecision.Decide(WithTouchpoint(), Guid.NewGuid(), new RecordTouchpointOutcome("x", null), today).Refusal!.Status);
        Assert.Equal(422, RecordTouchpointOutcomeDecision.Decide(WithTouchpoint(), Touchpoint, new RecordTouchpointOutcome("x", May10.AddDays(-1)), today).Refusal!.Status);
    }

    [Fact]
    public void a_touchpoint_naming_a_missing_project_or_itself_records_nothing()
    {
        var project = Given.Project();
        var missing = Guid.NewGuid();
        var command = new LogTouchpoint(TouchpointKind.TopSales, May10, JapanLevel.Minister, "M", null, "S", null, [missing]);
        Assert.Equal(404, LogTouchpointDecision.Decide(project, command, Guid.NewGuid(), [missing]).Refusal!.Status);
        var self = command with { AlsoForProjectIds = [project.Id] };
        Assert.Equal(422, LogTouchpointDecision.Decide(project, self, Guid.NewGuid(), []).Refusal!.Status);
    }

    [Fact]
    public void new_tenders_agreements_studies_and_awards_are_facts_of_the_project()
    {
        var project = Given.Project();
        Guid tender = Guid.NewGuid(), agreement = Guid.NewGuid(), study = Guid.NewGuid(), award = Guid.NewGuid();
        Assert.Equal(new TenderOpened(project.Id, tender, "Civil", TenderType.ICB, May10, null),
            Assert.Single(OpenTenderDecision.Decide(project, new OpenTender(" Civil ", TenderType.ICB, May10, null), tender).Events));
        var signed = Assert.IsType<AgreementSigned>(Assert.Single(SignAgreementDecision.Decide(project,
            new SignAgreement(AgreementType.MOC, AgreementLevel.Political, " MOC ", [" Japan ", "India"], May10, null), agreement).Events));
        Assert.Equal("MOC", signed.Title);
        Assert.Equal(["Japan", "India"], signed.Parties);
        Assert.Equal(new StudyStarted(project.Id, study, StudyType.FeasibilityStudy, May10, null, null),
            Assert.Single(StartStudyDecision.Decide(project, new StartStudy(StudyType.FeasibilityStudy, May10, null, null), study).Events));
        var awarded = Assert.IsType<ContractAwarded>(Assert.Single(RecordAwardDecision.Decide(project,
            new RecordAward("Signals", null, false, AwardType.PriorityNegotiation, AwardScope.Signals, null, null, May10), award).Events));
        Assert.Equal((project.Id, award, (Guid?)null), (awarded.ProjectId, awarded.AwardId, awarded.TenderId));
    }

    [Fact]
    public void the_write_model_version_follows_every_event_of_the_stream_including_legacy_trouble_copies()
    {
        var id = Guid.NewGuid();
        var reported = Given.Reported(Guid.NewGuid()) with { ProjectId = id };
        var project = Given.Project(id, reported, new TroubleClosed(reported.TroubleId, id, Given.ReportedAt));
        Assert.Equal(3, project.Version);
        Assert.Equal(Given.Project(id) with { StreamVersion = 3 }, project);
    }

    [Fact]
    public void an_accepted_write_answers_the_next_version_and_its_events_a_refusal_appends_nothing()
    {
        var project = Given.Project();
        var (result, events, messages) = WriteResults.Answer(ProjectCases.Infrastructure.Decisions.Decision.Accept(new object(), new object()), project.Id, 4,
            version => new { version }, createdAt: "/api/projects/x");
        var tagged = Assert.IsType<WriteResults.WithETag>(result);
        Assert.Equal((6L, 201, 2), (tagged.Version, tagged.StatusCode!.Value, events.Count));
        Assert.Empty(messages);

        var (refused, none, _) = WriteResults.Answer(ProjectCases.Infrastructure.Decisions.Decision.Conflict("no"), project.Id, 4);
        Assert.Empty(none);
        Assert.Equal(409, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
    }
}
