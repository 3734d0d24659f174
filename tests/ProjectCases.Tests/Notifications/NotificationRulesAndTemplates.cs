using JasperFx.Events;
using ProjectCases.CountryRisks;
using ProjectCases.FollowUps;
using ProjectCases.Notifications;
using ProjectCases.Tests.Support;
using ProjectCases.Troubles;

namespace ProjectCases.Tests.Notifications;

/// <summary>The pure parts: which events notify whom, and the texts in both languages.</summary>
public class NotificationRulesAndTemplates
{
    private static readonly Guid CaseId = Guid.NewGuid();

    private static IReadOnlyList<NotificationRequest> For<T>(T data, Guid streamId) where T : notnull =>
        NotificationRules.For(new Event<T>(data) { StreamId = streamId, Id = Guid.NewGuid() });

    [Fact]
    public void a_report_notifies_the_hotline_desk_once_although_it_is_also_copied_to_the_project_stream()
    {
        var reported = Given.Reported(CaseId);
        var request = Assert.Single(For(reported, CaseId));
        Assert.Equal((NotificationKind.CaseReported, Addressee.HotlineDesk, CaseId), (request.Kind, request.To, request.Subject));
        Assert.Empty(For(reported, reported.ProjectId));
    }

    [Fact]
    public void each_trigger_names_its_kind_and_addressee()
    {
        var task = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var assigned = Assert.Single(For(new TroubleAssigned(CaseId, "officer.mori", at), CaseId));
        Assert.Equal((NotificationKind.CaseAssigned, Addressee.AssignedOfficer, "officer.mori"), (assigned.Kind, assigned.To, assigned.Officer));
        var resolved = Assert.Single(For(new TroubleResolved(CaseId, ResolutionOutcome.Resolved, "Paid", at), CaseId));
        Assert.Equal((NotificationKind.CaseResolved, Addressee.CaseReporter), (resolved.Kind, resolved.To));
        var firstResponse = Assert.Single(For(new FirstResponseOverdue(CaseId, at), CaseId));
        Assert.Equal((NotificationKind.ServiceLevelBreached, Addressee.HotlineLead, "first-response"), (firstResponse.Kind, firstResponse.To, firstResponse.Deadline));
        var resolution = Assert.Single(For(new ResolutionOverdue(CaseId, at), CaseId));
        Assert.Equal((NotificationKind.ServiceLevelBreached, Addressee.HotlineLead, "resolution"), (resolution.Kind, resolution.To, resolution.Deadline));
        var overdue = Assert.Single(For(new FollowUpOverdue(task, new DateOnly(2026, 5, 1)), task));
        Assert.Equal((NotificationKind.TaskOverdue, Addressee.TaskOwner, task), (overdue.Kind, overdue.To, overdue.Subject));
        Assert.Empty(For(new TroubleClosed(CaseId, Guid.NewGuid(), at), CaseId));
    }

    [Fact]
    public void a_country_risk_linked_to_a_project_tells_the_reporting_contact_of_each_open_case_once()
    {
        var project = Guid.NewGuid();
        Guid[] cases = [Guid.NewGuid(), Guid.NewGuid()];
        var linked = new CountryRiskLinked(project, Guid.NewGuid(), "LK", CountryRiskKind.SovereignDefault, CountryRiskSeverity.Crisis,
            "Payments on external debt suspended.", new DateOnly(2026, 4, 12), ["Acme", "Taisei"], cases);
        var requests = For(linked, project);
        Assert.Equal(cases, requests.Select(r => r.Subject));
        Assert.All(requests, r => Assert.Equal((NotificationKind.CountryRiskOnCase, Addressee.CaseReporter), (r.Kind, r.To)));
        Assert.Equal(2, requests.Select(r => r.Key).Distinct().Count());
        Assert.Contains("Payments on external debt suspended.", requests[0].Risk);
        Assert.Empty(For(linked with { OpenCaseIds = null }, project)); // a link recorded before cases were named
    }

    [Fact]
    public void every_kind_has_a_japanese_and_an_english_text()
    {
        var facts = new MailFacts(CaseId, "Unpaid IPCs", "Acme", "officer.mori", "Resolved", "Paid", new DateOnly(2026, 5, 1), DateTimeOffset.UtcNow, "resolution");
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            var ja = NotificationTemplates.Render(kind, Languages.Japanese, facts);
            var en = NotificationTemplates.Render(kind, Languages.English, facts);
            Assert.Contains("Unpaid IPCs", ja.Title);
            Assert.Contains("Unpaid IPCs", en.Title);
            Assert.NotEqual(ja.Body, en.Body);
            Assert.Contains(CaseId.ToString(), ja.Body);
        }
        Assert.Equal("[ProjectCases] 明日が期限のタスク: Unpaid IPCs", NotificationTemplates.Render(NotificationKind.TaskDueTomorrow, Languages.Japanese, facts).Title);
    }

    [Fact]
    public void the_same_cause_kind_and_address_always_make_the_same_notification_id()
    {
        var key = Guid.NewGuid().ToString();
        Assert.Equal(NotificationCenter.IdFor(NotificationKind.CaseReported, key, "Desk@Example.jp"), NotificationCenter.IdFor(NotificationKind.CaseReported, key, " desk@example.jp"));
        Assert.NotEqual(NotificationCenter.IdFor(NotificationKind.CaseReported, key, "desk@example.jp"), NotificationCenter.IdFor(NotificationKind.CaseAssigned, key, "desk@example.jp"));
    }
}
