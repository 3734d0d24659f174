using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Troubles;

/// <summary>Hotline v2: Japan-offset due times, possible duplicates, and the assigned officer's access.</summary>
public class HotlineDetails(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task due_times_carry_the_japan_offset_in_the_answer_the_case_and_the_queue()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var answer = await troubles.Send("hotline", "/api/troubles", TroubleApi.Report(projectId), 201);
        Assert.EndsWith("+09:00", answer.GetProperty("firstResponseDue").GetString());
        Assert.EndsWith("+09:00", answer.GetProperty("resolutionDue").GetString());

        var (_, trouble) = await troubles.Get("hotline", $"/api/troubles/{answer.GetProperty("id").GetGuid()}");
        Assert.EndsWith("+09:00", trouble.GetProperty("firstResponseDue").GetString());
        Assert.Equal(answer.GetProperty("resolutionDue").GetString(), trouble.GetProperty("resolutionDue").GetString());
        var (_, queue) = await troubles.Get("hotline", "/api/hotline/queue");
        Assert.NotEmpty(queue.GetProperty("items").EnumerateArray());
        Assert.All(queue.GetProperty("items").EnumerateArray(), item => Assert.EndsWith("+09:00", item.GetProperty("nextDueAt").GetString()));
    }

    [Fact]
    public async Task a_second_open_report_of_the_same_company_project_and_category_is_accepted_and_names_the_first()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var first = await troubles.Send("company", "/api/troubles", TroubleApi.Report(projectId), 201, "Acme Construction");
        Assert.Empty(first.GetProperty("possibleDuplicateOf").EnumerateArray());

        var second = await troubles.Send("company", "/api/troubles", TroubleApi.Report(projectId), 201, "Acme Construction");
        Assert.Equal([first.GetProperty("id").GetGuid()], second.GetProperty("possibleDuplicateOf").EnumerateArray().Select(e => e.GetGuid()));

        // Another category, or another company, is no duplicate.
        var other = await troubles.Send("company", "/api/troubles", TroubleApi.Report(projectId, category: "Delay"), 201, "Acme Construction");
        Assert.Empty(other.GetProperty("possibleDuplicateOf").EnumerateArray());
        var otherCompany = await troubles.Send("company", "/api/troubles", TroubleApi.Report(projectId, "Borneo Builders"), 201, "Borneo Builders");
        Assert.Empty(otherCompany.GetProperty("possibleDuplicateOf").EnumerateArray());
    }

    [Fact]
    public async Task the_officer_a_case_is_assigned_to_reads_it_and_other_officers_do_not()
    {
        var troubles = new TroubleApi(Host);
        var caseId = await troubles.Reported(await troubles.AwardedProject());
        Assert.Equal(404, (await troubles.Get("officer", $"/api/troubles/{caseId}")).Status); // dev.officer, not assigned yet

        await troubles.Hotline(caseId, "assign", new { officer = "dev.officer" });
        var (status, trouble) = await troubles.Get("officer", $"/api/troubles/{caseId}");
        Assert.Equal(200, status);
        Assert.Equal("dev.officer", trouble.GetProperty("assignee").GetString());
        var other = await As("officer", s => { s.Get.Url($"/api/troubles/{caseId}"); s.StatusCodeShouldBe(404); }, name: "suzuki");

        // ... and the tasks the case creates, with the case's summary as its name.
        await WaitForProjections();
        var tasks = ReadJson(await As("officer", s => { s.Get.Url($"/api/follow-ups?troubleId={caseId}"); s.StatusCodeShouldBeOk(); }))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("dev.officer", t.GetProperty("owner").GetString()));
        Assert.All(tasks, t => Assert.Equal("Interim payment certificates unpaid for 7 months", t.GetProperty("caseName").GetString()));
    }
}
