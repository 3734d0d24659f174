using Marten;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Projects.Status;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>
/// A project's stream holds only the project's own facts: a trouble case never writes to it, and a
/// touchpoint logged for several projects is appended to each with that project's expected version.
/// Every read's version and ETag is the stream's real version.
/// </summary>
public class EachStreamOwnsItsEvents(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<(long Version, string ETag)> ReadVersion(Guid projectId)
    {
        var result = await As("officer", s => { s.Get.Url($"/api/projects/{projectId}"); s.StatusCodeShouldBeOk(); });
        return (ReadJson(result).GetProperty("version").GetInt64(), result.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task a_touchpoint_also_for_another_project_leaves_it_at_its_real_version_with_an_etag_that_is_accepted()
    {
        var a = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var b = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Delhi Metro Phase 5")));

        await a.Post("/touchpoints", ProjectApi.Touchpoint(alsoFor: [b.Id]), 201);

        Assert.Equal(2, await StreamVersion(b.Id));
        var (version, etag) = await ReadVersion(b.Id);
        Assert.Equal((2L, "\"2\""), (version, etag));
        var accepted = await b.Send($"/api/projects/{b.Id}/touchpoints", ProjectApi.Touchpoint(occurredOn: "2024-06-01"), 201, ifMatch: etag);
        Assert.Equal(3, accepted.GetProperty("version").GetInt64());
        Assert.Equal((3L, "\"3\""), await ReadVersion(b.Id));
    }

    [Fact]
    public async Task a_trouble_case_from_report_to_reopening_leaves_the_project_version_unchanged_while_the_project_counts_it()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var before = await ReadVersion(projectId);

        var id = await troubles.Reported(projectId, asRole: "company");
        Assert.Equal(before, await ReadVersion(projectId));
        await troubles.Hotline(id, "resolve", new { outcome = "Resolved", summary = "Paid" });
        await troubles.Hotline(id, "close");
        await troubles.Hotline(id, "reopen", new { reason = "Unpaid again" });

        Assert.Equal(before, await ReadVersion(projectId));
        Assert.Equal(before.Version, await StreamVersion(projectId));
        var project = await new ProjectApi(Host, projectId).Read();
        Assert.Equal(1, project.GetProperty("openTroubleCount").GetInt32());
        await using var session = Store.QuerySession();
        Assert.DoesNotContain((await session.Events.FetchStreamAsync(projectId)), e => e.EventTypeName.StartsWith("trouble_"));
    }

    [Fact]
    public async Task a_company_user_counts_only_its_own_companys_open_troubles_on_a_project()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        await troubles.Reported(projectId, company: "Acme Construction", asRole: "company");
        await troubles.Reported(projectId, company: "Other Engineering", asRole: "company");

        Assert.Equal(2, (await new ProjectApi(Host, projectId).Read()).GetProperty("openTroubleCount").GetInt32());
        var (status, own) = await troubles.Get("company", $"/api/projects/{projectId}", "Acme Construction");
        Assert.Equal(200, status);
        Assert.Equal(1, own.GetProperty("ownOpenTroubleCount").GetInt32()); // the company view (issue 22 item 11)
        Assert.False(own.TryGetProperty("openTroubleCount", out _));
    }
}
