using System.Security.Claims;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Tests.Support;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Handling;
using ProjectCases.Troubles.ServiceLevels;

namespace ProjectCases.Tests.Troubles;

/// <summary>Every case decision on the write model, with the timers it schedules: no database.</summary>
public class CaseDecisions
{
    private static readonly DateTimeOffset Now = Given.ReportedAt.AddHours(2);
    private static readonly ServiceDues HighDues = new(Given.ReportedAt.AddHours(4), Given.ReportedAt.AddDays(10));

    private static TroubleWriteModel Resolved() => Given.Trouble(new TroubleResolved(Guid.Empty, ResolutionOutcome.Resolved, "Paid", Now));
    private static TroubleWriteModel Closed() => Given.Trouble(new TroubleResolved(Guid.Empty, ResolutionOutcome.Resolved, "Paid", Now), new TroubleClosed(Guid.Empty, Guid.Empty, Now));

    private static ReportTrouble Report(Guid projectId) => new(projectId, TroubleCategory.UnpaidFees, " Unpaid ", "IPCs unpaid", new DateOnly(2025, 4, 1),
        new ReporterInput(null, CompanyType.Contractor, "Sato", "sato@example.co.jp"), null);

    [Fact]
    public void a_report_on_an_awarded_project_opens_a_case_and_schedules_both_deadline_checks()
    {
        var project = new ProjectStatus { Id = Guid.NewGuid(), Name = "Metro", Awards = [new AwardEntry(Guid.NewGuid(), null, "Civil", null, true, AwardType.Prime, AwardScope.Civil, null, null, new DateOnly(2024, 1, 1))] };
        var troubleId = Guid.NewGuid();
        var decision = ReportTroubleDecision.Decide(project, project.Id, Report(project.Id), " Acme ", troubleId, Now, Given.Dues);

        var reported = Assert.IsType<TroubleReported>(Assert.Single(decision.Events));
        Assert.Equal(("Acme", "Unpaid", Priority.Medium, Now), (reported.Reporter.Company, reported.Summary, reported.Priority, reported.ReportedAt));
        Assert.Equal(2, decision.Messages.Count);
        Assert.Equal((new CheckFirstResponse(troubleId, Given.Dues.FirstResponseDue), (DateTimeOffset?)Given.Dues.FirstResponseDue), Scheduled.As<CheckFirstResponse>(decision.Messages[0]));
        Assert.Equal((new CheckResolution(troubleId, Given.Dues.ResolutionDue), (DateTimeOffset?)Given.Dues.ResolutionDue), Scheduled.As<CheckResolution>(decision.Messages[1]));
    }

    [Fact]
    public void a_report_on_a_project_without_award_is_refused_and_schedules_nothing()
    {
        var project = new ProjectStatus { Id = Guid.NewGuid(), Name = "Metro" };
        var decision = ReportTroubleDecision.Decide(project, project.Id, Report(project.Id), "Acme", Guid.NewGuid(), Now, Given.Dues);
        Assert.Equal(422, decision.Refusal!.Status);
        Assert.Contains("has no award on record yet", decision.Refusal.Detail);
        Assert.Empty(decision.Messages);
        Assert.Equal(404, ReportTroubleDecision.Decide(null, Guid.NewGuid(), Report(Guid.NewGuid()), "Acme", Guid.NewGuid(), Now, Given.Dues).Refusal!.Status);
    }

    [Fact]
    public void triage_sets_the_priority_keeps_the_category_and_schedules_checks_for_the_new_deadlines()
    {
        var trouble = Given.Trouble();
        var decision = TriageTroubleDecision.Decide(trouble, new TriageTrouble(Priority.High, null), HighDues, Now);
        Assert.Equal(new TroubleTriaged(trouble.Id, Priority.High, TroubleCategory.UnpaidFees, HighDues, Now), Assert.Single(decision.Events));
        Assert.Equal(HighDues.FirstResponseDue, Scheduled.As<CheckFirstResponse>(decision.Messages[0]).At);
        Assert.Equal(HighDues.ResolutionDue, Scheduled.As<CheckResolution>(decision.Messages[1]).At);
    }

    [Fact]
    public void hotline_actions_on_a_resolved_case_ask_to_reopen_it_first()
    {
        var resolved = Resolved();
        Assert.Equal("Cannot triage: the case is resolved; reopen it first.", TriageTroubleDecision.Decide(resolved, new TriageTrouble(Priority.High, null), HighDues, Now).Refusal!.Detail);
        Assert.Empty(TriageTroubleDecision.Decide(resolved, new TriageTrouble(Priority.High, null), HighDues, Now).Messages);
        Assert.Equal(409, AssignTroubleDecision.Decide(resolved, new AssignTrouble("yamada"), Now).Refusal!.Status);
        Assert.Equal(409, ConsultAgencyDecision.Decide(resolved, new ConsultAgency(Agency.MOFA, "n"), Now).Refusal!.Status);
        Assert.Equal(409, MakeTopClaimDecision.Decide(resolved, new MakeTopClaim(JapanLevel.Minister, "x", new DateOnly(2025, 4, 1), null), Now).Refusal!.Status);
        Assert.Equal("Cannot resolve: the case is closed.", ResolveTroubleDecision.Decide(Closed(), new ResolveTrouble(ResolutionOutcome.Resolved, "s"), Now).Refusal!.Detail);
    }

    [Fact]
    public void assigning_the_same_officer_twice_conflicts()
    {
        var assigned = Given.Trouble(new TroubleAssigned(Guid.Empty, "yamada", Now));
        Assert.Equal("The case is already assigned to yamada.", AssignTroubleDecision.Decide(assigned, new AssignTrouble(" yamada "), Now).Refusal!.Detail);
        Assert.IsType<TroubleAssigned>(Assert.Single(AssignTroubleDecision.Decide(assigned, new AssignTrouble("sato"), Now).Events));
    }

    [Fact]
    public void open_cases_take_consultations_top_claims_and_resolutions()
    {
        var trouble = Given.Trouble();
        Assert.Equal(new AgencyConsulted(trouble.Id, Agency.MOFA, "Raised", Now), Assert.Single(ConsultAgencyDecision.Decide(trouble, new ConsultAgency(Agency.MOFA, " Raised "), Now).Events));
        Assert.IsType<TopClaimMade>(Assert.Single(MakeTopClaimDecision.Decide(trouble, new MakeTopClaim(JapanLevel.Minister, "Secretary", new DateOnly(2025, 4, 2), null), Now).Events));
        Assert.Equal(new TroubleResolved(trouble.Id, ResolutionOutcome.PartiallyResolved, "Half paid", Now),
            Assert.Single(ResolveTroubleDecision.Decide(trouble, new ResolveTrouble(ResolutionOutcome.PartiallyResolved, "Half paid"), Now).Events));
    }

    [Fact]
    public void a_company_note_is_always_shared_a_hotline_note_internal_by_default_and_a_closed_case_takes_none()
    {
        var trouble = Given.Trouble();
        var company = Assert.IsType<TroubleNoteAdded>(Assert.Single(AddTroubleNoteDecision.Decide(trouble, new AddTroubleNote("Hi", NoteVisibility.Internal), true, Guid.NewGuid(), Now).Events));
        var hotline = Assert.IsType<TroubleNoteAdded>(Assert.Single(AddTroubleNoteDecision.Decide(trouble, new AddTroubleNote("Hi", null), false, Guid.NewGuid(), Now).Events));
        Assert.Equal((NoteVisibility.Shared, true, NoteVisibility.Internal, false), (company.Visibility, company.ByCompany, hotline.Visibility, hotline.ByCompany));
        Assert.Equal(409, AddTroubleNoteDecision.Decide(Closed(), new AddTroubleNote("Hi", null), false, Guid.NewGuid(), Now).Refusal!.Status);
    }

    [Fact]
    public void a_resolution_is_acknowledged_once_and_only_when_resolved()
    {
        Assert.Contains("Only a resolved case can be acknowledged; this one is open", AcknowledgeResolutionDecision.Decide(Given.Trouble(), Now).Refusal!.Detail);
        var acknowledged = Resolved().Fold(new ResolutionAcknowledged(Guid.Empty, Now), 3);
        Assert.Equal("The resolution was already acknowledged.", AcknowledgeResolutionDecision.Decide(acknowledged, Now).Refusal!.Detail);
        Assert.IsType<ResolutionAcknowledged>(Assert.Single(AcknowledgeResolutionDecision.Decide(Resolved(), Now).Events));
    }

    [Fact]
    public void only_a_resolved_case_closes_and_the_close_names_its_project()
    {
        Assert.Equal(409, CloseTroubleDecision.Decide(Given.Trouble(), Now).Refusal!.Status);
        var resolved = Resolved();
        Assert.Equal(new TroubleClosed(resolved.Id, resolved.ProjectId, Now), Assert.Single(CloseTroubleDecision.Decide(resolved, Now).Events));
    }

    [Fact]
    public void a_closed_case_reopens_with_a_fresh_resolution_deadline_that_is_checked_when_due()
    {
        var closed = Closed();
        var due = Now.AddDays(20);
        var decision = ReopenTroubleDecision.Decide(closed, new ReopenTrouble(" Unpaid again "), due, Now);
        Assert.Equal(new TroubleReopened(closed.Id, closed.ProjectId, "Unpaid again", due, Now), Assert.Single(decision.Events));
        Assert.Equal((new CheckResolution(closed.Id, due), (DateTimeOffset?)due), Scheduled.As<CheckResolution>(Assert.Single(decision.Messages)));
        Assert.Equal("The case is already open.", ReopenTroubleDecision.Decide(Given.Trouble(), new ReopenTrouble("x"), due, Now).Refusal!.Detail);
    }

    [Fact]
    public void a_company_user_sees_only_its_own_companys_cases()
    {
        var trouble = Given.Trouble(Guid.NewGuid(), "Acme Construction");
        ClaimsPrincipal Company(string name) => new(new ClaimsIdentity([new Claim(ClaimNames.Role, Roles.Company), new Claim(ClaimNames.Company, name)], "test", ClaimNames.Subject, ClaimNames.Role));
        Assert.True(trouble.VisibleTo(Company("Acme Construction")));
        Assert.False(trouble.VisibleTo(Company("Other Engineering")));
        Assert.Equal(404, WritePrecondition.Check(trouble, trouble.Id, Company("Other Engineering"), null)!.Status);
        Assert.Equal(412, WritePrecondition.Check(trouble, trouble.Id, Company("Acme Construction"), trouble.Version + 1)!.Status);
        Assert.Null(WritePrecondition.Check(trouble, trouble.Id, Company("Acme Construction"), trouble.Version));
    }
}
