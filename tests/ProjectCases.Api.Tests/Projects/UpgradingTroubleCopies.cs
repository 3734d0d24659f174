using Marten;
using ProjectCases.Api.Tests.Support;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Projects.Status;
using ProjectCases.Reports.Activity;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>
/// A database written by the previous code holds copies of trouble events on project streams, appended
/// without a version. Every consumer ignores them, and the documented upgrade step (rebuild ProjectStatus,
/// docs/operations.md) gives the project its real version again.
/// </summary>
public class UpgradingTroubleCopies(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task copies_stored_by_the_previous_code_are_ignored_and_a_rebuild_gives_the_project_its_real_version()
    {
        var troubles = new TroubleApi(Host);
        var project = new ProjectApi(Host, await troubles.AwardedProject());
        var id = await troubles.Reported(project.Id, asRole: "company");
        await troubles.Hotline(id, "resolve", new { outcome = "Resolved", summary = "Paid" });
        await troubles.Hotline(id, "close");
        // What the previous code appended, as it appended it: the case's events copied onto the project, no expected version.
        await using (var session = Store.LightweightSession())
        {
            var events = await session.Events.FetchStreamAsync(id);
            session.Events.Append(project.Id, events.Single(e => e.EventTypeName == "trouble_reported").Data);
            session.Events.Append(project.Id, events.Single(e => e.EventTypeName == "trouble_closed").Data);
            await session.SaveChangesAsync();
        }
        Assert.Equal(5, await StreamVersion(project.Id));

        await WhileProjectionsPaused(daemon => daemon.RebuildProjectionAsync<ProjectStatusProjection>(CancellationToken.None));

        var read = await As("officer", s => { s.Get.Url($"/api/projects/{project.Id}"); s.StatusCodeShouldBeOk(); });
        Assert.Equal("\"5\"", read.Context.Response.Headers.ETag.ToString());
        var body = ReadJson(read);
        Assert.Equal(5, body.GetProperty("version").GetInt64());
        Assert.Equal(0, body.GetProperty("openTroubleCount").GetInt32());
        var written = await project.Send($"/api/projects/{project.Id}/touchpoints", ProjectApi.Touchpoint(occurredOn: "2024-06-01"), 201, ifMatch: "\"5\"");
        Assert.Equal(6, written.GetProperty("version").GetInt64());

        // The follow-up rules and the hotline report count the case once, from its own stream.
        await WaitForProjections();
        await WaitForProjections();
        await using var query = Store.QuerySession();
        Assert.Equal(2, await query.Query<FollowUpTask>().CountAsync(t => t.TroubleId == id));
        Assert.Equal(1, (await query.Query<FiscalYearActivity>().ToListAsync()).Sum(y => y.HotlineReceived));
    }
}
