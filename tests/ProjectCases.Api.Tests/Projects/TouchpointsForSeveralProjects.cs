using Marten;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Projects;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>
/// On a host of its own (own database), with a Marten listener that commits a write on another project
/// of the touchpoint at the last moment before the touchpoint's own commit: a race, staged deterministically.
/// </summary>
[Collection(ApiCollection.Name)]
public class TouchpointsForSeveralProjects(ApiFixture fixture) : IAsyncLifetime
{
    private readonly InterleavedWrite _race = new();
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        var database = await fixture.CreateDatabase("touchpointrace");
        _host = await ApiFixture.StartHost(database, TimeProvider.System,
            services => services.ConfigureMarten(opts => opts.Listeners.Add(_race)));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task a_concurrent_write_on_another_listed_project_fails_the_touchpoint_with_409_and_nothing_is_appended_anywhere()
    {
        var a = new ProjectApi(_host, await GivenProjects.Registered(_host));
        var b = new ProjectApi(_host, await GivenProjects.Registered(_host, GivenProjects.RailProject("Delhi Metro Phase 5")));
        _race.Target = b.Id;

        var refused = await a.Post("/touchpoints", ProjectApi.Touchpoint(alsoFor: [b.Id]), 409);

        Assert.Equal("Concurrent change", refused.GetProperty("title").GetString());
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(["project_registered"], (await session.Events.FetchStreamAsync(a.Id)).Select(e => e.EventTypeName));
        Assert.Equal(["project_registered", "study_started"], (await session.Events.FetchStreamAsync(b.Id)).Select(e => e.EventTypeName));

        // Tried again, it goes through for both.
        await a.Post("/touchpoints", ProjectApi.Touchpoint(alsoFor: [b.Id]), 201);
        Assert.Equal(3, (await session.Events.FetchStreamStateAsync(b.Id))!.Version);
    }

    /// <summary>Once armed with a target, commits a study on it just before the first session that carries a touchpoint for it commits.</summary>
    private sealed class InterleavedWrite : DocumentSessionListenerBase
    {
        private int _fired;
        public Guid? Target { get; set; }

        public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            if (Target is not { } target || !session.PendingChanges.Streams().Any(s => s.Id == target && s.Events.Any(e => e.Data is TouchpointLogged))) return;
            if (Interlocked.Exchange(ref _fired, 1) == 1) return;
            await using var other = session.DocumentStore.LightweightSession();
            other.Events.Append(target, new StudyStarted(target, Guid.NewGuid(), StudyType.FeasibilityStudy, new DateOnly(2024, 5, 1), null, null));
            await other.SaveChangesAsync(token);
        }
    }
}
