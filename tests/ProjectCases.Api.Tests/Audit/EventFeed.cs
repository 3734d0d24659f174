using System.Collections.Concurrent;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Audit;

public class EventFeed(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<(List<long> Sequences, long Next)> Page(long after, int limit = 50)
    {
        var result = await As("auditor", s => { s.Get.Url($"/api/feed?after={after}&limit={limit}"); s.StatusCodeShouldBeOk(); });
        var body = ReadJson(result);
        return ([.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sequence").GetInt64())], body.GetProperty("next").GetInt64());
    }

    [Fact]
    public async Task a_reader_following_the_feed_during_concurrent_writes_gets_every_event_exactly_once_in_order()
    {
        var projects = new List<Guid>();
        for (var i = 0; i < 4; i++) projects.Add(await GivenProjects.Registered(Host, GivenProjects.RailProject($"Line {i}")));

        var received = new List<long>();
        var writing = Task.WhenAll(projects.Select(async id =>
        {
            var project = new ProjectApi(Host, id);
            // Seminars: no follow-up rule fires, so only these requests write events.
            for (var n = 0; n < 10; n++) await project.Post("/touchpoints", ProjectApi.Touchpoint(kind: "Seminar"), 201);
        }));

        long cursor = 0;
        while (!writing.IsCompleted)
        {
            var (sequences, next) = await Page(cursor, limit: 7);
            received.AddRange(sequences);
            cursor = next;
        }
        await writing;
        await WaitForProjections(); // the high-water mark reaches the last committed event
        while (true)
        {
            var (sequences, next) = await Page(cursor);
            if (sequences.Count == 0) break;
            received.AddRange(sequences);
            cursor = next;
        }

        await using var session = Store.QuerySession();
        var committed = (await Marten.QueryableExtensions.ToListAsync(session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence))).Select(e => e.Sequence).ToList();
        Assert.Equal(4 + 40, committed.Count);
        Assert.Equal(committed, received); // same events, same order, no duplicates, no gaps
    }

    [Fact]
    public async Task items_carry_the_stream_and_the_event()
    {
        var id = await GivenProjects.Registered(Host);
        await WaitForProjections();
        var result = await As("admin", s => { s.Get.Url("/api/feed?after=0"); s.StatusCodeShouldBeOk(); });
        var item = ReadJson(result).GetProperty("items")[0];
        Assert.Equal(id, item.GetProperty("streamId").GetGuid());
        Assert.Equal("project_registered", item.GetProperty("type").GetString());
        Assert.Equal(1, item.GetProperty("version").GetInt64());
        Assert.Equal("dev.officer", item.GetProperty("recordedBy").GetString());
        Assert.Equal("Mumbai-Ahmedabad High Speed Rail", item.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task every_item_names_the_kind_of_stream_it_belongs_to()
    {
        var troubles = new TroubleApi(Host);
        var project = await troubles.AwardedProject();
        var trouble = await troubles.Reported(project);
        var task = ReadJson(await As("officer", s =>
        {
            s.Post.Json(new { title = "Call the embassy", dueOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") }).ToUrl("/api/follow-ups");
            s.StatusCodeShouldBe(201);
        })).GetProperty("id").GetGuid();
        await As("admin", s =>
        {
            s.Put.Json(new { targets = new Dictionary<string, decimal> { ["touchpoints.total"] = 10 }, reason = "Set by the bureau" }).ToUrl("/api/reports/targets/2024");
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?ministry=MIC"));
            s.StatusCodeShouldBeOk();
        });
        await WaitForProjections();

        var items = ReadJson(await As("auditor", s => { s.Get.Url("/api/feed?after=0&limit=1000"); s.StatusCodeShouldBeOk(); }))
            .GetProperty("items").EnumerateArray()
            .Select(i => (Stream: i.GetProperty("streamId").GetGuid(), Type: i.GetProperty("streamType").GetString())).ToList();

        Assert.All(items, item => Assert.Contains(item.Type, new[] { "project", "trouble", "followUp", "kpiTargets" }));
        Assert.All(items.Where(i => i.Stream == project), item => Assert.Equal("project", item.Type));
        Assert.Equal("trouble", items.First(i => i.Stream == trouble).Type);
        Assert.Equal("followUp", items.First(i => i.Stream == task).Type);
        Assert.Equal("kpiTargets", items.First(i => i.Stream == ProjectCases.Reports.Targets.KpiTargetStreams.IdOf(2024)).Type);
    }

    [Fact]
    public async Task a_cursor_that_is_not_a_sequence_is_refused()
    {
        await As("auditor", s => { s.Get.Url("/api/feed?after=-1"); s.StatusCodeShouldBe(400); });
        await As("auditor", s => { s.Get.Url("/api/feed?after=99999999999999999999"); s.StatusCodeShouldBe(400); });
        await As("auditor", s => { s.Get.Url("/api/feed?after=4294967296"); s.StatusCodeShouldBeOk(); }); // sequences are 64-bit
    }

    [Theory]
    [InlineData("company", 403)]
    [InlineData("officer", 403)]
    [InlineData("hotline", 403)]
    public async Task the_feed_is_for_auditors_and_admins(string role, int expected) =>
        await As(role, s => { s.Get.Url("/api/feed"); s.StatusCodeShouldBe(expected); }, company: role == "company" ? "Acme" : null);

    [Fact]
    public async Task a_limit_over_1000_is_refused() =>
        await As("auditor", s => { s.Get.Url("/api/feed?limit=5000"); s.StatusCodeShouldBe(400); });
}
