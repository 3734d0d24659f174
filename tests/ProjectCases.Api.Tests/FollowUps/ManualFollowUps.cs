using Marten;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.FollowUps.Tasks;
using Wolverine;

namespace ProjectCases.Api.Tests.FollowUps;

public class ManualFollowUps(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<Guid> Create(object? body = null, string name = "officer.kato")
    {
        var result = await As("officer", s =>
        {
            s.Post.Json(body ?? new { title = "Call the embassy about the land handover", dueOn = "2026-12-10" }).ToUrl("/api/follow-ups");
            s.StatusCodeShouldBe(201);
        }, name: name);
        return ReadJson(result).GetProperty("id").GetGuid();
    }

    private async Task<System.Text.Json.JsonElement> Post(Guid id, string action, object body, int status, string role = "officer")
    {
        var result = await As(role, s => { s.Post.Json(body).ToUrl($"/api/follow-ups/{id}/{action}"); s.StatusCodeShouldBe(status); });
        return ReadJson(result);
    }

    private async Task<string[]> EventTypes(Guid id)
    {
        await using var session = Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(id)).Select(e => e.EventTypeName)];
    }

    private async Task Deliver(object message)
    {
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    [Fact]
    public async Task a_manual_task_is_created_for_its_caller_completed_once_and_not_rescheduled_after()
    {
        var id = await Create();
        var list = ReadJson(await As("hotline", s => s.Get.Url("/api/follow-ups?owner=officer.kato&status=Open")));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("manual", "2026-12-10"), (item.GetProperty("rule").GetString(), item.GetProperty("dueOn").GetString()));

        await Post(id, "reschedule", new { dueOn = "2026-12-20", reason = "Embassy closed that week" }, 200);
        await Post(id, "complete", new { note = "Done by phone" }, 200);
        var twice = await Post(id, "complete", new { note = "again" }, 409);
        Assert.Equal("Cannot complete it: the task is already done.", twice.GetProperty("detail").GetString());
        var late = await Post(id, "reschedule", new { dueOn = "2027-01-10", reason = "x" }, 409);
        Assert.Equal("Cannot reschedule it: the task is already done.", late.GetProperty("detail").GetString());
        Assert.Equal(["follow_up_scheduled", "follow_up_rescheduled", "follow_up_completed"], await EventTypes(id));

        var history = ReadJson(await As("auditor", s => s.Get.Url($"/api/follow-ups/{id}/history")));
        Assert.Equal(["officer.kato", "dev.officer", "dev.officer"], // who created, moved and completed it
            history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("recordedBy").GetString()!).ToArray());
    }

    [Fact]
    public async Task an_open_task_becomes_overdue_after_its_due_date_but_not_a_done_or_rescheduled_one()
    {
        var open = await Create(new { title = "Open", dueOn = "2026-12-10" });
        var done = await Create(new { title = "Done", dueOn = "2026-12-10" });
        var moved = await Create(new { title = "Moved", dueOn = "2026-12-10" });
        await Post(done, "complete", new { }, 200);
        await Post(moved, "reschedule", new { dueOn = "2027-01-15", reason = "Waiting for the partner's cabinet decision" }, 200);

        Fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 1, 0, 0, TimeSpan.Zero)); // 10:00 on Dec 11 in Tokyo
        foreach (var id in new[] { open, done, moved }) await Deliver(new CheckFollowUpDue(id, new DateOnly(2026, 12, 10)));

        Assert.Contains("follow_up_overdue", await EventTypes(open));
        Assert.DoesNotContain("follow_up_overdue", await EventTypes(done));
        Assert.DoesNotContain("follow_up_overdue", await EventTypes(moved));
        var overdue = ReadJson(await As("officer", s => s.Get.Url("/api/follow-ups?status=Overdue")));
        Assert.Equal(["Open"], overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray());
    }

    [Fact]
    public async Task bad_input_unknown_tasks_and_other_roles_are_refused()
    {
        var problem = ReadJson(await As("officer", s => { s.Post.Json(new { title = "", dueOn = "2026-13-01" }).ToUrl("/api/follow-ups"); s.StatusCodeShouldBe(400); }));
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        await As("officer", s => { s.Post.Json(new { title = "x", dueOn = "2026-12-01", projectId = Guid.NewGuid() }).ToUrl("/api/follow-ups"); s.StatusCodeShouldBe(404); });
        await Post(Guid.NewGuid(), "complete", new { }, 404);
        await As("auditor", s => { s.Post.Json(new { title = "x", dueOn = "2026-12-01" }).ToUrl("/api/follow-ups"); s.StatusCodeShouldBe(403); });
        await As("company", s => { s.Get.Url("/api/follow-ups"); s.StatusCodeShouldBe(403); }, company: "Acme");
        await As("officer", s => { s.Get.Url("/api/follow-ups?status=Someday"); s.StatusCodeShouldBe(400); });
    }
}
