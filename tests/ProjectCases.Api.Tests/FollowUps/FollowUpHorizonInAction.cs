using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.FollowUps;

/// <summary>
/// Back-filling history creates no follow-up noise, and corrections reach the tasks. The shared host runs with a
/// ten-year horizon (ApiFixture), so "old" here means more than ten years before today; the default of 30 days is
/// the same rule (unit tests: HorizonAndCorrections).
/// </summary>
public class FollowUpHorizonInAction(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<string[]> Tasks(Guid projectId)
    {
        await WaitForProjections();
        var result = await As("auditor", s => { s.Get.Url($"/api/follow-ups?projectId={projectId}"); s.StatusCodeShouldBeOk(); });
        return [.. ReadJson(result).GetProperty("items").EnumerateArray().Select(t => $"{t.GetProperty("rule").GetString()} {t.GetProperty("status").GetString()}")];
    }

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    [Fact]
    public async Task back_filled_old_facts_create_no_tasks_while_new_ones_do()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.OpenTender(package: "Old package", openedOn: "2012-04-02", deadline: "2012-06-30");
        await project.Post("/agreements", new { agreementType = "MOU", level = "Political", title = "Old MOU", parties = new[] { "A", "B" }, signedOn = "2013-01-15" }, 201);
        Assert.Empty(await Tasks(project.Id));

        await project.OpenTender(package: "New package", openedOn: Today, deadline: null);
        Assert.Equal(["confirm-bidders Open"], await Tasks(project.Id));
    }

    [Fact]
    public async Task voiding_a_tender_cancels_the_task_it_opened()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.OpenTender(openedOn: Today, deadline: null); // version 2
        Assert.Equal(["confirm-bidders Open"], await Tasks(project.Id));

        await project.Post("/facts/2/void", new { reason = "Entered twice." });
        Assert.Equal(["confirm-bidders Cancelled"], await Tasks(project.Id));
    }
}
