using Marten;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Projects.SampleData;

namespace ProjectCases.Api.Tests.Projects;

public class SampleDataLoading(ApiFixture fixture) : ApiTest(fixture)
{
    private SampleDataLoader Loader => Host.Services.GetRequiredService<SampleDataLoader>();

    [Fact]
    public async Task every_sample_project_loads_without_a_refusal_and_a_second_run_changes_nothing()
    {
        var expected = SampleFile.Load(SampleFile.DefaultPath).Projects.Count;

        var first = await Loader.LoadAsync(SampleFile.DefaultPath, CancellationToken.None);
        Assert.Empty(first.Refusals);
        Assert.Equal(expected, first.Loaded);
        var eventsAfterFirst = await EventCount();

        var second = await Loader.LoadAsync(SampleFile.DefaultPath, CancellationToken.None);
        Assert.Equal((0, expected), (second.Loaded, second.AlreadyPresent));
        Assert.Equal(eventsAfterFirst, await EventCount());
    }

    [Fact]
    public async Task the_sample_risks_load_with_their_decisions_and_the_myanmar_board_lists_the_frozen_projects()
    {
        var result = await Loader.LoadAsync(SampleFile.DefaultPath, CancellationToken.None);
        Assert.Empty(result.Refusals);
        await WaitForProjections();
        await WaitForProjections(); // the linking, then the follow-up rules

        var calls = new TroubleApi(Host);
        var (status, board) = await calls.Get("officer", $"/api/country-risks/{SampleDataLoader.RiskId("myanmar-coup-2021")}/board");
        Assert.Equal(200, status);
        var projects = board.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(9, projects.Count);
        Assert.All(projects, p => Assert.Equal(("Suspended", "Suspend"), (p.GetProperty("status").GetString(), p.GetProperty("decision").GetString())));
        Assert.Contains(projects, p => p.GetProperty("name").GetString() == "Yangon Urban Railway Development");

        var kenitra = await calls.Get("officer", $"/api/country-risks/{SampleDataLoader.RiskId("morocco-kenitra-postponement")}");
        var affected = Assert.Single(kenitra.Body.GetProperty("affectedProjects").EnumerateArray());
        Assert.Equal(("Postponed", "Postpone"), (affected.GetProperty("status").GetString(), affected.GetProperty("decision").GetString()));
        var (_, list) = await calls.Get("auditor", "/api/country-risks");
        Assert.Equal(4, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task a_sample_project_reads_as_the_source_describes_it()
    {
        await Loader.LoadAsync(SampleFile.DefaultPath, CancellationToken.None);
        var hsr = await new ProjectApi(Host, SampleDataLoader.ProjectId("mumbai-ahmedabad-hsr")).Read();
        Assert.Equal("IN", hsr.GetProperty("country").GetString());
        Assert.Equal("UnderConstruction", hsr.GetProperty("status").GetString());
        Assert.Equal("Construction", hsr.GetProperty("stage").GetString());

        var bridge = await new ProjectApi(Host, SampleDataLoader.ProjectId("cebu-mactan-fourth-bridge")).Read();
        var study = bridge.GetProperty("studies").EnumerateArray().Single(s => s.GetProperty("studyType").GetString() == "DetailedDesign");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, study.GetProperty("startedOn").ValueKind); // not in the source: not invented
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, study.GetProperty("completedOn").ValueKind);

        await using var session = Store.QuerySession();
        var recordedBy = (await session.Events.FetchStreamAsync(hsr.GetProperty("id").GetGuid())).Select(e => e.UserName).Distinct();
        Assert.Equal([SampleDataLoader.RecordedBy], recordedBy);
    }

    [Fact]
    public async Task the_seed_facts_keep_their_shapes_a_month_date_a_three_country_cable_and_jict_financing()
    {
        await Loader.LoadAsync(SampleFile.DefaultPath, CancellationToken.None);

        // Seed 001: "re-announced in January 2023": a month, read back as a month.
        var airport = await new ProjectApi(Host, SampleDataLoader.ProjectId("long-thanh-international-airport")).Read();
        Assert.Equal("2023-01", Assert.Single(airport.GetProperty("tenders").EnumerateArray()).GetProperty("openedOn").GetString());

        // Seed 004: the Singapore-Myanmar-India cable, JICT's investment, MIC's.
        var cable = await new ProjectApi(Host, SampleDataLoader.ProjectId("singapore-myanmar-india-submarine-cable")).Read();
        Assert.Equal(["SG", "MM", "IN"], cable.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("JICT", "MIC", "SG"), (cable.GetProperty("financing").GetString(), cable.GetProperty("ministry").GetString(), cable.GetProperty("country").GetString()));
    }

    /// <summary>Events on the sample projects' own streams (follow-up tasks they trigger live in other streams).</summary>
    private async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        long total = 0;
        foreach (var sample in SampleFile.Load(SampleFile.DefaultPath).Projects)
            total += (await session.Events.FetchStreamStateAsync(SampleDataLoader.ProjectId(sample.Key)))?.Version ?? 0;
        return total;
    }
}
