using System.Text.Json;
using Marten;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>"What did the system show then?": state by recording time, or by stream version.</summary>
public class TimeTravel(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<DateTimeOffset[]> RecordedAt(Guid id)
    {
        await using var session = Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(id)).Select(e => e.Timestamp)];
    }

    private static string Between(DateTimeOffset before, DateTimeOffset after) =>
        Uri.EscapeDataString((before + (after - before) / 2).ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz"));

    [Fact]
    public async Task as_of_an_instant_between_two_writes_shows_the_earlier_state()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await Task.Delay(20); // distinct recording instants
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201);
        await Task.Delay(20);
        await project.Post("/status", new { status = "Suspended", reason = "Sovereign default", effectiveOn = "2024-06-01" });
        var at = await RecordedAt(project.Id);

        var afterRegistration = await project.Read($"?asOf={Between(at[0], at[1])}");
        Assert.Equal(1, afterRegistration.GetProperty("version").GetInt64());
        Assert.Equal(0, afterRegistration.GetProperty("touchpointCount").GetInt32());

        var afterTouchpoint = await project.Read($"?asOf={Between(at[1], at[2])}");
        Assert.Equal(2, afterTouchpoint.GetProperty("version").GetInt64());
        Assert.Equal(1, afterTouchpoint.GetProperty("touchpointCount").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, afterTouchpoint.GetProperty("status").ValueKind);

        var now = await project.Read($"?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");
        Assert.Equal("Suspended", now.GetProperty("status").GetString());

        // The same instant written with Tokyo's offset reads the same state.
        var inTokyo = TimeZoneInfo.ConvertTime(at[1] + (at[2] - at[1]) / 2, TokyoTime.Zone).ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz");
        Assert.Equal(2, (await project.Read($"?asOf={Uri.EscapeDataString(inTokyo)}")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task a_version_shows_the_state_right_after_that_event()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/status", new { status = "UnderStudy", reason = "F/S", effectiveOn = "2024-01-01" });
        await project.Post("/status", new { status = "Suspended", reason = "Default", effectiveOn = "2024-06-01" });

        var second = await project.Read("?version=2");
        Assert.Equal(2, second.GetProperty("version").GetInt64());
        Assert.Equal("UnderStudy", second.GetProperty("status").GetString());
        Assert.Equal("Suspended", (await project.Read("?version=3")).GetProperty("status").GetString());

        await As("auditor", s => { s.Get.Url($"/api/projects/{project.Id}?version=4"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task before_registration_there_is_no_project()
    {
        var id = await GivenProjects.Registered(Host);
        var before = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"));
        await As("auditor", s => { s.Get.Url($"/api/projects/{id}?asOf={before}"); s.StatusCodeShouldBe(404); });
        await As("auditor", s => { s.Get.Url($"/api/projects/{id}?asOf=2020-01-01"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task a_bare_date_means_the_end_of_that_day_in_tokyo()
    {
        var id = await GivenProjects.Registered(Host);
        var todayInTokyo = TokyoTime.Today(TimeProvider.System);
        var read = await As("auditor", s => { s.Get.Url($"/api/projects/{id}?asOf={todayInTokyo:yyyy-MM-dd}"); s.StatusCodeShouldBeOk(); });
        Assert.Equal(1, ReadJson(read).GetProperty("version").GetInt64());
        await As("auditor", s => { s.Get.Url($"/api/projects/{id}?asOf={todayInTokyo.AddDays(-1):yyyy-MM-dd}"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task an_as_of_after_now_means_now()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/status", new { status = "UnderStudy", reason = "F/S", effectiveOn = "2024-01-01" });
        var current = await project.Read();

        foreach (var asOf in new[] { "9999-12-31", "9999-12-31T23:59:59%2B09:00", Uri.EscapeDataString(DateTimeOffset.UtcNow.AddYears(3).ToString("O")) })
        {
            var read = await As("auditor", s => { s.Get.Url($"/api/projects/{project.Id}?asOf={asOf}"); s.StatusCodeShouldBeOk(); });
            // The same JSON (the current read streams PostgreSQL's text of it: same members and values, its own member order).
            Assert.True(JsonElement.DeepEquals(current, ReadJson(read)), read.ReadAsText());
            Assert.Equal("\"2\"", read.Context.Response.Headers.ETag.ToString());
        }
    }

    [Theory]
    [InlineData("0001-01-01", "on or after 2000-01-01"), InlineData("1999-12-31", "on or after 2000-01-01"),
     InlineData("0001-01-01T00:00:00Z", "on or after 2000-01-01"), InlineData("2024-02-30", "must be a date"),
     InlineData("99999-01-01", "must be a date"), InlineData("2024-06-01T10:00:00", "must be a date")]
    public async Task an_as_of_before_the_record_or_not_a_date_is_a_400_naming_it(string asOf, string problem)
    {
        var id = await GivenProjects.Registered(Host);
        var result = await As("auditor", s => { s.Get.Url($"/api/projects/{id}?asOf={asOf}"); s.StatusCodeShouldBe(400); });
        Assert.Contains(problem, ReadJson(result).GetProperty("errors").GetProperty("asOf")[0].GetString());
    }

    [Fact]
    public async Task an_unreadable_as_of_is_a_400_naming_the_parameter()
    {
        var id = await GivenProjects.Registered(Host);
        var result = await As("auditor", s => { s.Get.Url($"/api/projects/{id}?asOf=last-tuesday"); s.StatusCodeShouldBe(400); });
        Assert.Contains("must be a date", ReadJson(result).GetProperty("errors").GetProperty("asOf")[0].GetString());
    }
}
