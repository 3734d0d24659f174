using ProjectCases.Tests.Support;
using ProjectCases.Troubles;
using ProjectCases.Troubles.ServiceLevels;

namespace ProjectCases.Tests.Troubles;

/// <summary>The deadline checks' decisions: a breach only for the deadline still running; an early delivery looks again when due.</summary>
public class ServiceLevelDecisions
{
    private static readonly DateTimeOffset FirstDue = Given.Dues.FirstResponseDue;
    private static readonly DateTimeOffset ResolutionDue = Given.Dues.ResolutionDue;

    [Fact]
    public void an_unanswered_case_past_its_first_response_deadline_is_breached()
    {
        var trouble = Given.Trouble();
        var check = new CheckFirstResponse(trouble.Id, FirstDue);
        Assert.Equal(new FirstResponseOverdue(trouble.Id, FirstDue), Assert.Single(ServiceLevelChecks.FirstResponse(trouble, check, FirstDue.AddMinutes(1)).Events));
    }

    [Fact]
    public void a_check_delivered_early_appends_nothing_and_looks_again_at_the_due_time()
    {
        var trouble = Given.Trouble();
        var early = ServiceLevelChecks.FirstResponse(trouble, new CheckFirstResponse(trouble.Id, FirstDue), FirstDue.AddMinutes(-5));
        Assert.Empty(early.Events);
        Assert.Equal((new CheckFirstResponse(trouble.Id, FirstDue), (DateTimeOffset?)FirstDue), Scheduled.As<CheckFirstResponse>(Assert.Single(early.Messages)));
    }

    [Fact]
    public void an_answered_case_or_a_moved_deadline_leaves_the_old_check_with_nothing_to_do()
    {
        var answered = Given.Trouble(new AgencyConsulted(Guid.Empty, Agency.MOFA, "n", Given.ReportedAt.AddMinutes(30)));
        var nothing = ServiceLevelChecks.FirstResponse(answered, new CheckFirstResponse(answered.Id, FirstDue), FirstDue.AddDays(1));
        Assert.Empty(nothing.Events);
        Assert.Empty(nothing.Messages);

        var triaged = Given.Trouble(new TroubleTriaged(Guid.Empty, Priority.Low, TroubleCategory.Delay, new ServiceDues(FirstDue.AddDays(2), ResolutionDue.AddDays(20)), FirstDue.AddDays(-1)));
        Assert.Empty(ServiceLevelChecks.Resolution(triaged, new CheckResolution(triaged.Id, ResolutionDue), ResolutionDue.AddDays(1)).Events);
    }

    [Fact]
    public void an_open_case_past_its_resolution_deadline_is_breached_once()
    {
        var trouble = Given.Trouble();
        var check = new CheckResolution(trouble.Id, ResolutionDue);
        var breach = Assert.Single(ServiceLevelChecks.Resolution(trouble, check, ResolutionDue.AddSeconds(1)).Events);
        Assert.Equal(new ResolutionOverdue(trouble.Id, ResolutionDue), breach);
        Assert.Empty(ServiceLevelChecks.Resolution(trouble.Fold(breach, 2), check, ResolutionDue.AddDays(1)).Events);
        var resolved = Given.Trouble(new TroubleResolved(Guid.Empty, ResolutionOutcome.Resolved, "s", ResolutionDue.AddDays(-1)));
        Assert.Empty(ServiceLevelChecks.Resolution(resolved, check, ResolutionDue.AddDays(1)).Events);
    }
}
