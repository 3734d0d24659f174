using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProjectCases.Api.Tests.Support;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// The write models are stored inline (one row to fetch for writing); a database written while they were folded
/// live has streams without them. The startup step StoreMissingWriteModels stores them, and writes then go on at
/// the streams' real versions (docs/operations.md, "Upgrading to stored write models").
/// </summary>
public class UpgradingToStoredWriteModels(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task streams_without_a_stored_write_model_get_one_at_startup_and_then_take_writes_at_their_real_version()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var project = new ProjectApi(Host, projectId);
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201);
        var trouble = await troubles.Reported(projectId);
        var followUp = (await troubles.Send("officer", "/api/follow-ups", new { projectId, title = "Call the embassy", dueOn = "2025-06-01" }, 201))
            .GetProperty("id").GetGuid();
        // What the previous code left behind: the streams and read models, no stored write model.
        await using (var session = Store.LightweightSession())
        {
            session.Delete<ProjectWriteModel>(projectId);
            session.Delete<TroubleWriteModel>(trouble);
            session.Delete<FollowUpWriteModel>(followUp);
            await session.SaveChangesAsync();
        }
        var version = await StreamVersion(projectId);
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 404); // why the startup step exists

        await Host.Services.GetServices<IHostedService>().OfType<StoreMissingWriteModels>().Single().StartAsync(CancellationToken.None);

        var written = await project.Send($"/api/projects/{projectId}/touchpoints", ProjectApi.Touchpoint(), 201, ifMatch: $"\"{version}\"");
        Assert.Equal(version + 1, written.GetProperty("version").GetInt64());
        await troubles.Hotline(trouble, "notes", new { text = "Called the employer", visibility = "Internal" });
        await troubles.Send("officer", $"/api/follow-ups/{followUp}/reschedule", new { dueOn = "2025-07-01", reason = "Embassy closed" }, 200);
        Assert.Equal(0, await new MissingWriteModels<ProjectStatus, ProjectWriteModel>().FillAsync(Store, CancellationToken.None));
    }
}
