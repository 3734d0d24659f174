using Marten;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Troubles;

public class HandlingATroubleCase(ApiFixture fixture) : ApiTest(fixture)
{
    private TroubleApi Api => new(Host);

    [Fact]
    public async Task a_case_goes_from_report_to_closure_and_back_with_the_project_counting_it()
    {
        var projectId = await Api.AwardedProject();
        var id = await Api.Reported(projectId, asRole: "company");
        Assert.Equal(1, (await new ProjectApi(Host, projectId).Read()).GetProperty("openTroubleCount").GetInt32());

        await Api.Hotline(id, "triage", new { priority = "High" });
        await Api.Hotline(id, "assign", new { officer = "hotline.yamada" });
        await Api.Hotline(id, "consultations", new { agency = "MOFA", note = "Raised with the Southeast Asia desk" });
        await Api.Hotline(id, "consultations", new { agency = "Embassy", note = "Embassy to contact the employer" });
        await Api.Hotline(id, "top-claims", new { raisedBy = "Minister", raisedWith = "Secretary of Transportation", raisedOn = "2025-06-10", channel = "Bilateral meeting" });
        await Api.Hotline(id, "notes", new { text = "Payment schedule agreed in principle", visibility = "Shared" });
        await Api.Hotline(id, "resolve", new { outcome = "Resolved", summary = "All IPCs paid" });
        await Api.Company("Acme Construction", id, "acknowledge");
        var closed = await Api.Hotline(id, "close");
        Assert.Equal(10, closed.GetProperty("version").GetInt64());
        Assert.Equal(0, (await new ProjectApi(Host, projectId).Read()).GetProperty("openTroubleCount").GetInt32());

        var reopened = await Api.Hotline(id, "reopen", new { reason = "IPC 19 unpaid again" });
        Assert.Equal(11, reopened.GetProperty("version").GetInt64());
        Assert.Equal(1, (await new ProjectApi(Host, projectId).Read()).GetProperty("openTroubleCount").GetInt32());

        var (status, trouble) = await Api.Get("hotline", $"/api/troubles/{id}");
        Assert.Equal(200, status);
        Assert.Equal("Open", trouble.GetProperty("status").GetString());
        Assert.Equal("High", trouble.GetProperty("priority").GetString());
        Assert.Equal("hotline.yamada", trouble.GetProperty("assignee").GetString());
        Assert.Equal("Acme Construction", trouble.GetProperty("reporter").GetProperty("company").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, trouble.GetProperty("firstRespondedAt").ValueKind);
        Assert.Equal(
            ["Reported", "Triaged", "Assigned", "AgencyConsulted", "AgencyConsulted", "TopClaimMade", "Note", "Resolved", "Acknowledged", "Closed", "Reopened"],
            trouble.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("type").GetString()!).ToArray());

        await using var session = Store.QuerySession();
        var caseEvents = (await session.Events.FetchStreamAsync(id)).Select(e => e.EventTypeName).ToArray();
        Assert.Equal(["trouble_reported", "trouble_triaged", "trouble_assigned", "agency_consulted", "agency_consulted", "top_claim_made",
            "trouble_note_added", "trouble_resolved", "resolution_acknowledged", "trouble_closed", "trouble_reopened"], caseEvents);
        // Each stream owns its events: the case writes nothing onto the project's stream.
        Assert.DoesNotContain(await session.Events.FetchStreamAsync(projectId), e => e.EventTypeName.StartsWith("trouble_"));
        Assert.Equal(1, await session.Query<ProjectCases.Projects.Status.ProjectStatus>().CountAsync());
        Assert.Equal(1, await session.Query<ProjectCases.Troubles.Cases.TroubleCase>().CountAsync());
        var reportedBy = (await session.Events.FetchStreamAsync(id)).First().UserName;
        Assert.Equal("dev.company@Acme Construction", reportedBy);
    }

    [Fact]
    public async Task a_project_with_no_award_cannot_take_a_trouble_report()
    {
        var projectId = await GivenProjects.Registered(Host);
        var problem = await Api.Send("hotline", "/api/troubles", TroubleApi.Report(projectId), 422);
        Assert.Contains("The hotline handles trouble after award", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await StreamVersion(projectId));
    }

    [Fact]
    public async Task illegal_transitions_conflict_and_append_nothing()
    {
        var id = await Api.Reported(await Api.AwardedProject());
        var close = await Api.Hotline(id, "close", expected: 409);
        Assert.Equal("Only a resolved case can be closed; this one is open.", close.GetProperty("detail").GetString());
        var reopen = await Api.Hotline(id, "reopen", new { reason = "x" }, 409);
        Assert.Equal("The case is already open.", reopen.GetProperty("detail").GetString());
        var ack = await Api.Company("Acme Construction", id, "acknowledge", expected: 409);
        Assert.Contains("Only a resolved case can be acknowledged", ack.GetProperty("detail").GetString());

        await Api.Hotline(id, "resolve", new { outcome = "NotResolvable", summary = "Employer insolvent" });
        await Api.Hotline(id, "close");
        var triage = await Api.Hotline(id, "triage", new { priority = "Low" }, 409);
        Assert.Equal("Cannot triage: the case is closed.", triage.GetProperty("detail").GetString());
        await Api.Hotline(id, "assign", new { officer = "x" }, 409);
        await Api.Hotline(id, "consultations", new { agency = "JICA", note = "x" }, 409);
        await Api.Hotline(id, "top-claims", new { raisedBy = "Minister", raisedWith = "x", raisedOn = "2025-06-10" }, 409);
        Assert.Equal(3, await StreamVersion(id));
    }

    [Fact]
    public async Task roles_that_may_not_act_get_403()
    {
        var id = await Api.Reported(await Api.AwardedProject());
        var problem = await Api.Send("officer", $"/api/troubles/{id}/triage", new { priority = "High" }, 403);
        Assert.Equal("Your role is not allowed to do this.", problem.GetProperty("detail").GetString());
        await Api.Company("Acme Construction", id, "resolve", new { outcome = "Resolved", summary = "x" }, 403);
        await Api.Send("auditor", "/api/troubles", TroubleApi.Report(Guid.NewGuid()), 403);
        await Api.Hotline(id, "acknowledge", expected: 403);
        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task a_report_with_bad_fields_lists_them()
    {
        var problem = await Api.Send("hotline", "/api/troubles", new
        {
            projectId = Guid.NewGuid(), category = "Bribery", summary = "x", details = "y", occurredOn = "2025-01-01",
            reporter = new { company = "A", companyType = "Contractor", contactName = "", email = "not-an-email" },
        }, 400);
        Assert.Contains("Allowed values: UnpaidFees", problem.GetProperty("detail").GetString());

        var fields = await Api.Send("hotline", "/api/troubles", new
        {
            projectId = Guid.NewGuid(), category = "Permits", summary = "x", details = "y", occurredOn = "2025-01-01",
            reporter = new { company = "A", companyType = "Contractor", contactName = "", email = "not-an-email" },
        }, 400);
        var errors = fields.GetProperty("errors");
        Assert.True(errors.TryGetProperty("reporter.contactName", out _));
        Assert.True(errors.TryGetProperty("reporter.email", out _));
    }

    [Fact]
    public async Task an_unknown_case_is_404_and_a_stale_if_match_is_412()
    {
        await Api.Hotline(Guid.NewGuid(), "triage", new { priority = "High" }, 404);
        var id = await Api.Reported(await Api.AwardedProject());
        await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TokenFor("hotline")}");
            s.WithRequestHeader("If-Match", "\"7\"");
            s.Post.Json(new { priority = "High" }).ToUrl($"/api/troubles/{id}/triage");
            s.StatusCodeShouldBe(412);
        });
        Assert.Equal(1, await StreamVersion(id));
    }
}
